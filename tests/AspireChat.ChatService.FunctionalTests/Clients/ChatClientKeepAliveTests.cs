using AspireChat.Client;
using AspireChat.Client.Messaging;
using AspireChat.Testing;

namespace AspireChat.ChatService.FunctionalTests.Clients;

// The client library pings the service, so a connection that went silent is noticed and replaced.
public sealed class ChatClientKeepAliveTests(ChatServiceFactory server) : IClassFixture<ChatServiceFactory>
{
    [Fact]
    public async Task Listen_OverAFrozenConnection_NoticesTheLoss()
    {
        await using var proxy = new FreezingTcpProxy(server.GrpcAddress);
        using var host = ChatClientHost.Build(new Dictionary<string, string?>
        {
            ["ChatClient:Server"] = proxy.Address.ToString(),
            ["ChatClient:KeepAlivePingDelay"] = "00:00:01",
            ["ChatClient:KeepAlivePingTimeout"] = "00:00:01",
        });
        var client = host.Services.GetRequiredService<ChatClient>();
        await client.RegisterAsync(UniqueName.For("alice")).DefaultTimeout();
        using var stop = new CancellationTokenSource(TimeoutExtensions.DefaultTimeoutSpan);
        await using var events = client.ListenAsync(cancellationToken: stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await events.MoveNextAsync().DefaultTimeout());
        Assert.IsType<ChatConnected>(events.Current);

        proxy.Freeze();

        Assert.True(await events.MoveNextAsync().DefaultTimeout());
        Assert.IsType<ChatConnectionLost>(events.Current);
    }
}
