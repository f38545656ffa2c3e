using AspireChat.Protocol;
using AspireChat.Tests.Infrastructure;
using Grpc.Core;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.Tests.ChatService;

public sealed class NameReleaseTests(ShortGraceChatServiceFactory server) : IClassFixture<ShortGraceChatServiceFactory>
{
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
        await TimeoutExtensions.WaitUntilAsync(async () => (await watcher.ListUsersAsync()).Users.Single(u => u.Username == name).Listeners == 1, "one stream of alice has ended");
        var whileOneStreamIsOpen = await newcomer.AddUserAsync(name);
        await second.DisposeAsync();
        MessageResponse? afterGrace = null;
        await TimeoutExtensions.WaitUntilAsync(async () => (afterGrace = await newcomer.AddUserAsync(name)).Code == Code.Added, "the name is free");

        Assert.Equal(Code.Taken, whileOneStreamIsOpen.Code);
        Assert.Equal(Code.Added, afterGrace!.Code);
        var left = await presence.NextAsync();
        while (left.Kind != Message.Types.Kind.Left)
        {
            left = await presence.NextAsync();
        }
        Assert.Equal(name, left.User.Username);
    }

    [Fact]
    public async Task ExpiredSession_IsUnauthenticated_AndTheClientCanRegisterAgain()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        var name = alice.Username!;

        await TimeoutExtensions.WaitUntilAsync(async () =>
        {
            var online = await alice.ListUsersAsync();
            return !online.Users.Any(u => u.Username == name);
        }, "the idle user has expired");
        var error = await Assert.ThrowsAsync<RpcException>(() => alice.SendAsync("still there?"));
        var again = await alice.AddUserAsync(name);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(Code.Added, again.Code);
    }
}
