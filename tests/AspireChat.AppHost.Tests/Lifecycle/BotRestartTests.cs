using AspireChat.Testing;

namespace AspireChat.AppHost.Tests.Lifecycle;

// Aspire's restart command, as the dashboard's button runs it, on a bot that is running: Aspire
// stops it (SIGTERM, then a kill if it has not exited within a few seconds) and starts it again.
[Collection(ChatAppCollection.Name)]
public sealed class BotRestartTests(ChatAppFixture fixture)
{
    [Fact]
    public async Task RunningBot_RestartedThroughAspire_RunsAgain_AndTalksAgain()
    {
        var before = fixture.ProcessIdOf("alice");

        var restart = await fixture.App.ResourceCommands.ExecuteCommandAsync(fixture.Resource("alice"), KnownResourceCommands.RestartCommand).StartupTimeout();
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("alice").StartupTimeout();

        Assert.True(restart.Success, restart.Message);
        Assert.NotEqual(before, fixture.ProcessIdOf("alice"));
        await ProcessState.WaitUntilGoneAsync([before]);
        // Joined after the restart: what it hears from alice, the new run said.
        await using var listener = await RoomListener.JoinAsync(fixture.ChatEndpoint, "restart-watcher");
        await listener.WaitForBroadcastAsync("alice");
    }
}
