using AspireChat.Protocol;
using AspireChat.Testing;
using Grpc.Core;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ChatService.FunctionalTests;

public sealed class NameReleaseTests(FakeClockChatServiceFactory server) : IClassFixture<FakeClockChatServiceFactory>
{
    private static readonly TimeSpan s_second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Name_IsFreedAfterItsLastStreamEnds_AndTheGracePasses()
    {
        var name = UniqueName.For("alice");
        await using var alice = await ChatTestClient.RegisterAsync(server, name);
        await using var watcher = await ChatTestClient.RegisterAsync(server, UniqueName.For("watcher"));
        await using var presence = await watcher.ListenAsync(new ListenRequest { IncludePresence = true });
        var first = await alice.ListenAsync();
        var second = await alice.ListenAsync();
        await using var newcomer = new ChatTestClient(server.CreateChannel());

        await first.DisposeAsync();
        await WaitForListenersAsync(watcher, name, 1);
        server.Clock.Advance(FakeClockChatServiceFactory.GracePeriod * 2);
        var whileOneStreamIsOpen = await newcomer.AddUserAsync(name);
        await second.DisposeAsync();
        await WaitForListenersAsync(watcher, name, 0);
        server.Clock.Advance(FakeClockChatServiceFactory.GracePeriod - s_second);
        var withinTheGrace = await newcomer.AddUserAsync(name);
        server.Clock.Advance(2 * s_second);
        var afterTheGrace = await newcomer.AddUserAsync(name);

        Assert.Equal(Code.Taken, whileOneStreamIsOpen.Code);
        Assert.Equal(Code.Taken, withinTheGrace.Code);
        Assert.Equal(Code.Added, afterTheGrace.Code);
        var notices = await presence.ReadUntilAsync($"{name} joined");
        Assert.Contains(notices, m => m.Kind == Message.Types.Kind.Left && m.User.Username == name);
    }

    [Fact]
    public async Task ExpiredSession_IsUnauthenticated_AndTheClientCanRegisterAgain()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));

        server.Clock.Advance(FakeClockChatServiceFactory.GracePeriod + s_second);
        var error = await Assert.ThrowsAsync<RpcException>(() => alice.SendAsync("still there?"));
        var again = await alice.AddUserAsync(alice.Username!);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(Code.Added, again.Code);
    }

    [Fact]
    public async Task Reconnect_WithinTheGrace_KeepsTheSession()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        var listen = await alice.ListenAsync();
        await listen.DisposeAsync();
        await WaitForListenersAsync(alice, alice.Username!, 0);

        server.Clock.Advance(FakeClockChatServiceFactory.GracePeriod - s_second);
        await using var again = await alice.ListenAsync();
        server.Clock.Advance(FakeClockChatServiceFactory.GracePeriod * 2);

        Assert.Equal(Code.Sent, (await alice.SendAsync("still here")).Code);
    }

    private static Task WaitForListenersAsync(ChatTestClient client, string name, uint count) =>
        TimeoutExtensions.WaitUntilAsync(
            async () => (await client.ListUsersAsync()).Users.Single(u => u.Username == name).Listeners == count,
            $"{name} has {count} Listen streams");
}
