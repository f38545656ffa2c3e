using System.Diagnostics;
using System.Diagnostics.Metrics;
using AspireChat.ChatService.Diagnostics;
using AspireChat.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace AspireChat.Tests.ChatService;

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
        var everyLogText = server.Logs.Entries.Snapshot().SelectMany(l => l.Values.Select(v => $"{v.Value}").Append(l.Message));
        Assert.DoesNotContain(everyLogText, text => text.Contains("vault"));
    }

    [Fact]
    public async Task AddUserAndMessages_AreLoggedWithStructuredValues()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await alice.SendAsync("hello");

        var logs = server.Logs.Entries.Snapshot().Where(l => l.Values.Any(v => Equals(v.Value, alice.Username))).ToList();

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

    private List<Activity> SpansFor(string name, string user) =>
        server.OwnSpans.Where(s => s.DisplayName == name && (string?)s.GetTagItem(ChatTelemetry.UserTag) == user).ToList();
}
