using AspireChat.Testing;

namespace AspireChat.ChatService.FunctionalTests;

public sealed class StalledListenerTests(StalledListenerChatServiceFactory server) : IClassFixture<StalledListenerChatServiceFactory>
{
    [Fact]
    public async Task StalledListener_IsCutOff_AndItsStreamSlotFreed()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        // Its client never reads: the HTTP/2 window fills, then the queue, then the timeout runs.
        await using var stalled = new ChatTestClient(server.CreateChannel(handler => handler.InitialHttp2StreamWindowSize = 65535));
        await stalled.AddUserAsync(UniqueName.For("stalled"));
        using var call = stalled.OpenListen();
        await call.ResponseHeadersAsync.DefaultTimeout();

        for (var i = 0; i < 200 && await ListenersOf(stalled.Username!) > 0; i++)
        {
            await alice.SendAsync(new string('x', 4000));
        }
        await TimeoutExtensions.WaitUntilAsync(async () => await ListenersOf(stalled.Username!) == 0, "the stalled listener is cut off");

        await using var next = await stalled.ListenAsync();
        Assert.Equal(1u, await ListenersOf(stalled.Username!));
    }

    private async Task<uint> ListenersOf(string username)
    {
        await using var observer = await ChatTestClient.RegisterAsync(server, UniqueName.For("observer"));
        return (await observer.ListUsersAsync()).Users.Single(u => u.Username == username).Listeners;
    }
}
