using System.Diagnostics;
using AspireChat.ChatService.Diagnostics;
using AspireChat.Client;
using AspireChat.Client.Diagnostics;
using AspireChat.Client.Messaging;
using AspireChat.Testing;
using Microsoft.Extensions.Hosting;

namespace AspireChat.ChatService.FunctionalTests.Clients;

// The client library against the real service.
public sealed class ChatClientTests(ChatServiceFactory server) : IClassFixture<ChatServiceFactory>, IAsyncLifetime
{
    private readonly SynchronizedCollection<Activity> _clientSpans = new();
    private ActivityListener? _listener;
    private IHost? _host;

    public Task InitializeAsync()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ChatClientTelemetry.Name,
            Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _clientSpans.Add,
        };
        ActivitySource.AddActivityListener(_listener);

        _host = ChatClientHost.Build(server.GrpcAddress);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _listener?.Dispose();
        _host?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Register_TakenName_IsReported_WithTheServicesExplanation()
    {
        var name = UniqueName.For("alice");
        await using var holder = await ChatTestClient.RegisterAsync(server, name);
        var client = _host!.Services.GetRequiredService<ChatClient>();

        var result = await client.RegisterAsync(name).DefaultTimeout();

        Assert.Equal(RegistrationOutcome.Taken, result.Outcome);
        Assert.Contains("taken", result.Message);
        Assert.Null(client.Username);
    }

    [Fact]
    public async Task ReceivedMessages_ContinueTheSendersTrace()
    {
        var client = _host!.Services.GetRequiredService<ChatClient>();
        await client.RegisterAsync(UniqueName.For("listener")).DefaultTimeout();
        await using var sender = await ChatTestClient.RegisterAsync(server, UniqueName.For("sender"));
        using var stop = new CancellationTokenSource(TimeoutExtensions.DefaultTimeoutSpan);
        await using var events = client.ListenAsync(cancellationToken: stop.Token).GetAsyncEnumerator(stop.Token);

        Assert.True(await events.MoveNextAsync());
        Assert.IsType<ChatConnected>(events.Current);
        var sent = await sender.SendAsync("trace me");
        Assert.True(await events.MoveNextAsync());

        var received = Assert.IsType<ChatMessageReceived>(events.Current).Message;
        Assert.Equal(sender.Username, received.Sender);
        Assert.Equal("trace me", received.Text);
        var broadcast = server.OwnSpans.Single(s => s.DisplayName == ChatTelemetry.BroadcastSpan && (long?)s.GetTagItem(ChatTelemetry.SequenceTag) == (long)sent.Sequence);
        var receive = _clientSpans.Snapshot().Single(s => s.DisplayName == ChatClientTelemetry.ReceiveSpan && (long?)s.GetTagItem("chat.sequence") == (long)sent.Sequence);
        Assert.Equal(broadcast.TraceId, receive.TraceId);
        Assert.Equal(broadcast.SpanId, receive.ParentSpanId);
        Assert.Equal(ActivityKind.Consumer, receive.Kind);
    }

    // The client reads a direct message by the service's own @name rule.
    [Theory]
    [InlineData("@{0}\u3000ping")]
    [InlineData("\u200b@{0} ping")]
    [InlineData("\ufe6b{0}\u00a0ping")]
    public async Task DirectMessage_WrittenAnyWay_HasTheBodyAfterTheName(string format)
    {
        using var host = ChatClientHost.Build(server.GrpcAddress);
        var client = host.Services.GetRequiredService<ChatClient>();
        await client.RegisterAsync(UniqueName.For("pinged")).DefaultTimeout();
        await using var sender = await ChatTestClient.RegisterAsync(server, UniqueName.For("sender"));
        using var stop = new CancellationTokenSource(TimeoutExtensions.DefaultTimeoutSpan);
        await using var events = client.ListenAsync(cancellationToken: stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await events.MoveNextAsync());

        await sender.SendAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, client.Username));
        Assert.True(await events.MoveNextAsync());

        var received = Assert.IsType<ChatMessageReceived>(events.Current).Message;
        Assert.True(received.IsDirect);
        Assert.Equal("ping", received.Body);
    }

    [Fact]
    public async Task Dispose_WhileListening_EndsTheStreamCleanly()
    {
        using var host = ChatClientHost.Build(server.GrpcAddress);
        var client = host.Services.GetRequiredService<ChatClient>();
        await client.RegisterAsync(UniqueName.For("disposer")).DefaultTimeout();
        await using var events = client.ListenAsync().GetAsyncEnumerator();
        Assert.True(await events.MoveNextAsync().AsTask().DefaultTimeout());

        var next = events.MoveNextAsync().AsTask();
        await client.DisposeAsync();

        Assert.False(await next.DefaultTimeout());
    }

    [Fact]
    public async Task Send_ReportsEachOutcome()
    {
        var client = _host!.Services.GetRequiredService<ChatClient>();
        await client.RegisterAsync(UniqueName.For("sender")).DefaultTimeout();

        var sent = await client.SendAsync("hello").DefaultTimeout();
        var unknown = await client.SendAsync("@no-such-user hi").DefaultTimeout();
        var invalid = await client.SendAsync("   ").DefaultTimeout();

        Assert.Equal(SendOutcome.Sent, sent.Outcome);
        Assert.True(sent.Sequence > 0);
        Assert.Equal(SendOutcome.UnknownRecipient, unknown.Outcome);
        Assert.Equal(SendOutcome.InvalidMessage, invalid.Outcome);
    }
}
