using System.Diagnostics;
using System.Diagnostics.Metrics;
using AspireChat.ChatService.Diagnostics;
using AspireChat.Testing;
using Grpc.Net.Client;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace AspireChat.ChatService.FunctionalTests;

public sealed class TelemetryTests(ChatServiceFactory server) : IClassFixture<ChatServiceFactory>
{
    [Fact]
    public async Task AddUser_ProducesASpan_WithUserAndOutcome()
    {
        var name = UniqueName.For("alice");
        await using var alice = await ChatTestClient.RegisterAsync(server, name);

        var span = SpansFor(ChatTelemetry.AddUserSpan, name).Single();

        Assert.Equal("added", span.GetTagItem(ChatTelemetry.OutcomeTag));
    }

    [Fact]
    public async Task Broadcast_ProducesASpan_WithSequenceAndFanOut_AndReceiversGetItsTraceContext()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        await using var aliceListens = await alice.ListenAsync();
        await using var bobListens = await bob.ListenAsync();

        var response = await alice.SendAsync("hello everyone");
        var received = await bobListens.NextAsync();

        var span = SpansFor(ChatTelemetry.BroadcastSpan, alice.Username!).Single();
        Assert.Equal((long)response.Sequence, span.GetTagItem(ChatTelemetry.SequenceTag));
        Assert.Equal(2, span.GetTagItem(ChatTelemetry.DeliveriesTag));
        Assert.Equal("sent", span.GetTagItem(ChatTelemetry.OutcomeTag));
        Assert.Equal(span.Id, received.Traceparent);
    }

    [Fact]
    public async Task Broadcast_WithAW3CTraceState_PassesTheCallersTraceContextOn()
    {
        var (traceId, traceparent) = NewTraceParent();
        await using var alice = await RegisterTracedAsync(UniqueName.For("alice"), traceparent, "congo=t61rcWkgMzE");
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        await using var bobListens = await bob.ListenAsync();

        await alice.SendAsync("traced");
        var received = await bobListens.NextAsync();

        Assert.Equal(traceId, ActivityContext.Parse(received.Traceparent, null).TraceId.ToHexString());
        Assert.Equal("congo=t61rcWkgMzE", received.Tracestate);
    }

    [Theory]
    [InlineData("32 valid members")]
    [InlineData("one long member")]
    [InlineData("not a tracestate")]
    public async Task Broadcast_WithATraceStateOverTheW3CBound_KeepsTheTrace_AndDropsTheState_Everywhere(string shape)
    {
        var (traceId, traceparent) = NewTraceParent();
        var oversized = shape switch
        {
            "one long member" => $"rojo={new string('v', 8000)}",
            // Each member within W3C's own bounds, the whole far over its 512 characters.
            "32 valid members" => string.Join(",", Enumerable.Range(0, 32).Select(i => $"k{i}={new string('v', 250)}")),
            _ => new string('x', 8000),
        };
        await using var alice = await RegisterTracedAsync(UniqueName.For("alice"), traceparent, oversized);
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        await using var bobListens = await bob.ListenAsync();

        await alice.SendAsync("hi");
        var received = await bobListens.NextAsync();

        Assert.Equal(traceId, ActivityContext.Parse(received.Traceparent, null).TraceId.ToHexString());
        Assert.Equal("", received.Tracestate);
        Assert.Equal("", SpansFor(ChatTelemetry.BroadcastSpan, alice.Username!).Single().TraceStateString ?? "");
    }

    [Fact]
    public async Task Broadcast_WithAnInvalidTraceParent_StartsATraceOfItsOwn_WithoutTheCallersState()
    {
        await using var alice = await RegisterTracedAsync(UniqueName.For("alice"), "00-not-a-trace-" + new string('f', 200), "evil=1");
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        await using var bobListens = await bob.ListenAsync();

        await alice.SendAsync("hi");
        var received = await bobListens.NextAsync();

        Assert.True(ActivityContext.TryParse(received.Traceparent, null, out _), $"Not a W3C traceparent: {received.Traceparent}");
        Assert.Equal("", received.Tracestate);
    }

    [Fact]
    public async Task DirectMessage_ProducesASpan_WithRecipient_AndNoTelemetryHoldsItsText()
    {
        const string secret = "the vault code is 8812";
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        await using var bobListens = await bob.ListenAsync();

        var response = await alice.SendAsync($"@{bob.Username} {secret}");
        var received = await bobListens.NextAsync();
        var unknown = await alice.SendAsync($"@nobody-{bob.Username} {secret}");

        var spans = SpansFor(ChatTelemetry.DirectMessageSpan, alice.Username!);
        var sent = spans.Single(s => (string?)s.GetTagItem(ChatTelemetry.OutcomeTag) == "sent");
        Assert.Equal(bob.Username, sent.GetTagItem(ChatTelemetry.RecipientTag));
        Assert.Equal((long)response.Sequence, sent.GetTagItem(ChatTelemetry.SequenceTag));
        Assert.Equal(1, sent.GetTagItem(ChatTelemetry.DeliveriesTag));
        Assert.Equal(sent.Id, received.Traceparent);
        Assert.Single(spans, s => (string?)s.GetTagItem(ChatTelemetry.OutcomeTag) == "unknown_recipient");

        var everySpanText = server.Spans.Snapshot().SelectMany(s => s.TagObjects.Select(t => $"{t.Value}").Append(s.DisplayName).Concat(s.Events.Select(e => e.Name)));
        Assert.DoesNotContain(everySpanText, text => text.Contains("vault"));
        var everyLogText = server.Logs.GetSnapshot().SelectMany(l => l.StructuredState!.Select(v => v.Value ?? "").Append(l.Message));
        Assert.DoesNotContain(everyLogText, text => text.Contains("vault"));
    }

    [Fact]
    public async Task AddUserAndMessages_AreLoggedWithStructuredValues()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await alice.SendAsync("hello");

        var logs = server.Logs.GetSnapshot().Where(l => l.StructuredState!.Any(v => v.Value == alice.Username)).ToList();

        Assert.Contains(logs, l => l.Message == $"User {alice.Username} added");
        Assert.Contains(logs, l => l.Message.StartsWith($"{alice.Username} broadcast message", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Messages_AreCountedByKindAndOutcome_AndDeliveriesMeasured()
    {
        var meters = server.Services.GetRequiredService<IMeterFactory>();
        using var messages = new MetricCollector<long>(meters, ChatTelemetry.Name, "chat.messages");
        using var latency = new MetricCollector<double>(meters, ChatTelemetry.Name, "chat.delivery.latency");
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        await using var bobListens = await bob.ListenAsync();

        await alice.SendAsync("hello");
        await alice.SendAsync($"@{bob.Username} psst");
        await alice.SendAsync("@nobody-at-all psst");
        await bobListens.NextAsync(2);

        var counted = messages.GetMeasurementSnapshot()
            .Select(m => $"{m.Tags[ChatTelemetry.KindTag]}/{m.Tags[ChatTelemetry.OutcomeTag]}")
            .Where(kind => !kind.StartsWith("presence", StringComparison.Ordinal));
        Assert.Equal(["broadcast/sent", "direct/sent", "direct/unknown_recipient"], counted);
        await TimeoutExtensions.WaitUntilAsync(() => Task.FromResult(latency.GetMeasurementSnapshot().Count >= 2), "deliveries are measured");
    }

    // A client whose every call carries these trace headers.
    private async Task<ChatTestClient> RegisterTracedAsync(string name, string traceparent, string tracestate)
    {
        var client = new ChatTestClient(GrpcChannel.ForAddress(server.GrpcAddress, new GrpcChannelOptions { HttpHandler = new TraceHeadersHandler(traceparent, tracestate) }));
        await client.AddUserAsync(name);
        return client;
    }

    private static (string TraceId, string TraceParent) NewTraceParent()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        return (traceId, $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
    }

    private List<Activity> SpansFor(string name, string user) =>
        server.OwnSpans.Where(s => s.DisplayName == name && (string?)s.GetTagItem(ChatTelemetry.UserTag) == user).ToList();
}
