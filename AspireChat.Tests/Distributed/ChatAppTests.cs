using AspireChat.Tests.Infrastructure;

namespace AspireChat.Tests.Distributed;

// The AppHost's app model run as real processes, checked from outside as a user would.
public sealed class ChatAppTests(ChatAppFixture fixture) : IClassFixture<ChatAppFixture>
{
    [Fact]
    public async Task Bots_AreHeard_ByAnyClientOfTheChatService()
    {
        await using var listener = await RoomListener.JoinAsync(fixture.ChatEndpoint, "listener");

        var fromAlice = await listener.WaitForBroadcastAsync("alice");
        var fromBob = await listener.WaitForBroadcastAsync("bob");

        Assert.False(string.IsNullOrWhiteSpace(fromAlice.Msg));
        Assert.False(string.IsNullOrWhiteSpace(fromBob.Msg));
    }

    [Fact]
    public async Task DirectMessageBetweenTheBots_IsNotSeen_ByAnotherClient()
    {
        await using var listener = await RoomListener.JoinAsync(fixture.ChatEndpoint, "eavesdropper");

        // alice's script sends bob a direct message between these two lines.
        await listener.WaitForAsync(m => m.User?.Username == "alice" && m.Msg == "hi, this is alice", "alice's greeting");
        var seenFrom = listener.Received.Count;
        await listener.WaitForAsync(m => m.User?.Username == "alice" && m.Msg == "the weather is lovely today", "alice's line after her direct message");

        Assert.DoesNotContain(listener.Received.Skip(seenFrom), m => m.Recipient is not null || m.Msg.StartsWith('@'));
        Assert.Contains(fixture.App.ResourceLogs.GetLines("chat"), line => line.PlainText.Contains("alice sent direct message") && line.PlainText.Contains("to bob"));
    }

    [Fact]
    public async Task Bob_AnswersADirectPing_WithAPong()
    {
        await using var listener = await RoomListener.JoinAsync(fixture.ChatEndpoint, "pinger");

        await listener.SendAsync("@bob ping");

        var pong = await listener.WaitForAsync(m => m.User?.Username == "bob" && m.Recipient is not null, "bob's answer");
        Assert.Equal($"@{listener.Username} pong", pong.Msg);
        Assert.Equal(listener.Username, pong.Recipient.Username);
    }

    [Fact]
    public void Resources_GetTheAspireEnvironment()
    {
        var snapshots = fixture.App.ResourceNotifications;
        var alice = snapshots.GetSnapshots("alice").Single();
        var chat = snapshots.GetSnapshots("chat").Single();
        var grpc = fixture.App.GetEndpoint("chat", "grpc").GetLeftPart(UriPartial.Authority);
        var http = fixture.App.GetEndpoint("chat", "http").GetLeftPart(UriPartial.Authority);

        var bot = ProcessState.EnvironmentOf(alice.ProcessId!.Value);
        Assert.Equal(grpc, bot["services__chat__grpc__0"]);
        Assert.Equal(http, bot["services__chat__http__0"]);
        Assert.Equal(grpc, bot["CHAT_GRPC"]);
        Assert.Equal("alice", bot["OTEL_SERVICE_NAME"]);
        Assert.Equal($"service.instance.id={alice.InstanceId}", bot["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.Equal("alice", bot["Bot__Name"]);

        var service = ProcessState.EnvironmentOf(chat.ProcessId!.Value);
        Assert.Equal(grpc, service["Kestrel__Endpoints__grpc__Url"]);
        Assert.Equal(http, service["Kestrel__Endpoints__http__Url"]);
        Assert.NotEqual("http://localhost:50051", grpc);
    }

    [Fact]
    public void ConsoleOutput_OfEachResource_IsCaptured()
    {
        var logs = fixture.App.ResourceLogs;

        Assert.Contains(logs.GetLines("chat"), line => line.PlainText.Contains($"Now listening on: {fixture.App.GetEndpoint("chat", "grpc").GetLeftPart(UriPartial.Authority)}"));
        Assert.Contains(logs.GetLines("alice"), line => line.PlainText.Contains("Bot alice joined the chat"));
        Assert.All(logs.GetLines("bob"), line => Assert.Equal("bob", line.InstanceName));
    }
}
