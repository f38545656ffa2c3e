using System.Diagnostics;
using AspireChat.Testing;

namespace AspireChat.AppHost.Tests;

// The AppHost's app model run by Aspire, checked from outside as a user would.
[Collection(ChatAppCollection.Name)]
public sealed class ChatAppTests(ChatAppFixture fixture)
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
        await TimeoutExtensions.WaitUntilAsync(
            async () => (await fixture.ConsoleLogsAsync("chat")).Any(line => line.Contains("alice sent direct message") && line.Contains("to bob")),
            "chat logs alice's direct message to bob");
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
    public async Task ChatKilledLikeACrash_IsRestarted_AndTheBotsTalkAgain()
    {
        // Aspire runs a project as `dotnet run`: the service is that process's child.
        var crashed = OrchestratorProcesses.ChildrenOf(fixture.ProcessIdOf("chat")).Single();

        using (var chat = Process.GetProcessById(crashed))
        {
            chat.Kill();
        }
        await fixture.App.ResourceNotifications.WaitForResourceAsync("chat", KnownResourceStates.TerminalStates).StartupTimeout();
        var restart = await fixture.App.ResourceCommands.ExecuteCommandAsync(fixture.Resource("chat"), KnownResourceCommands.RestartCommand).StartupTimeout();
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("chat").StartupTimeout();

        Assert.True(restart.Success, restart.Message);
        Assert.DoesNotContain(crashed, OrchestratorProcesses.ChildrenOf(fixture.ProcessIdOf("chat")));
        await using var listener = await RoomListener.JoinAsync(fixture.ChatEndpoint, "returning");
        await listener.WaitForBroadcastAsync("alice");
        await listener.WaitForBroadcastAsync("bob");
    }
}
