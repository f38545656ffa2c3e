using AspireChat.Protocol;
using AspireChat.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace AspireChat.ChatService.FunctionalTests;

// Clients that vanish without closing their connection (a frozen proxy between them and the
// service): HTTP/2 keepalive pings find them, and they are let go as if they had closed it.
public sealed class DeadPeerTests(KeepAliveChatServiceFactory server) : IClassFixture<KeepAliveChatServiceFactory>
{
    [Fact]
    public async Task FrozenConnection_EndsItsStream_AndFreesTheName()
    {
        var name = UniqueName.For("vanishing");
        await using var proxy = new FreezingTcpProxy(server.GrpcAddress);
        await using var vanishing = new WorkshopTestClient(GrpcChannel.ForAddress(proxy.Address));
        Assert.Equal(Workshop.Protocol.MessageResponse.Types.Code.Added, (await vanishing.AddUserAsync(name)).Code);
        await vanishing.ListenAsync();
        await using var newcomer = new ChatTestClient(server.CreateChannel());

        proxy.Freeze();

        // Polled: the name is free once the dead connection is found and the grace has passed.
        await TimeoutExtensions.WaitUntilAsync(async () => (await newcomer.AddUserAsync(name)).Code == MessageResponse.Types.Code.Added, $"{name} is free again");
        Assert.Equal(name, newcomer.Username);
    }

    [Fact]
    public async Task NineFrozenDropsInARow_DoNotLockTheUserOutOfListening()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        var proxies = new List<FreezingTcpProxy>();
        var calls = new List<IDisposable>();
        try
        {
            for (var drop = 0; drop < 9; drop++)
            {
                var proxy = new FreezingTcpProxy(server.GrpcAddress);
                proxies.Add(proxy);
                var viaProxy = new ChatTestClient(GrpcChannel.ForAddress(proxy.Address)) { SessionToken = alice.SessionToken };
                calls.Add(await ListenWhenAllowedAsync(viaProxy));
                proxy.Freeze();
            }

            calls.Add(await ListenWhenAllowedAsync(alice));

            var users = await alice.ListUsersAsync();
            Assert.True(users.Users.Single(u => u.Username == alice.Username).Listeners >= 1);
        }
        finally
        {
            calls.ForEach(call => call.Dispose());
            foreach (var proxy in proxies)
            {
                await proxy.DisposeAsync();
            }
        }
    }

    // A Listen that the service has subscribed (its headers carry the epoch); refused ones
    // (RESOURCE_EXHAUSTED: every stream slot held) are tried again until the deadline.
    private static async Task<AsyncServerStreamingCall<Message>> ListenWhenAllowedAsync(ChatTestClient client)
    {
        AsyncServerStreamingCall<Message>? opened = null;
        await TimeoutExtensions.WaitUntilAsync(async () =>
        {
            var call = client.OpenListen();
            var headers = await call.ResponseHeadersAsync.DefaultTimeout();
            if (headers.GetValue("chat-epoch") is not null)
            {
                opened = call;
                return true;
            }
            call.Dispose();
            return false;
        }, "a Listen stream is allowed");
        return opened!;
    }
}
