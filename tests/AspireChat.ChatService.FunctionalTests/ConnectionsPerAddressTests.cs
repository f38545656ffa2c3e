using AspireChat.Testing;
using Grpc.Core;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ChatService.FunctionalTests;

// An address with its limit of connections open has further ones closed before they are served;
// another address is served as usual, and a freed slot is taken again.
public sealed class ConnectionsPerAddressTests(PeerLimitsChatServiceFactory server) : IClassFixture<PeerLimitsChatServiceFactory>
{
    [Fact]
    public async Task ConnectionPastTheAddressLimit_IsClosed_WhileAnotherAddressIsServed()
    {
        var crowded = FromAddress.Loopback(20);
        await using var held = new AsyncDisposableList();
        for (var i = 0; i < PeerLimitsChatServiceFactory.MaxConnectionsPerAddress; i++)
        {
            held.Add(await ServedConnectionAsync(crowded));
        }

        var servedPastTheLimit = await IsServedAsync(crowded);
        await using var grpcPastTheLimit = new ChatTestClient(server.CreateChannel(FromAddress.Of(crowded)));
        var refusedCall = await Assert.ThrowsAsync<RpcException>(() => grpcPastTheLimit.AddUserAsync(UniqueName.For("crowd")));
        await using var elsewhere = new ChatTestClient(server.CreateChannel(FromAddress.Of(FromAddress.Loopback(21))));
        var servedElsewhere = await elsewhere.AddUserAsync(UniqueName.For("elsewhere"));

        Assert.False(servedPastTheLimit);
        // grpc-dotnet: "the server did not complete the HTTP/2 handshake" (INTERNAL).
        Assert.NotEqual(StatusCode.OK, refusedCall.StatusCode);
        Assert.Equal(Code.Added, servedElsewhere.Code);
    }

    [Fact]
    public async Task ConnectionClosed_FreesItsSlot()
    {
        var crowded = FromAddress.Loopback(22);
        await using var held = new AsyncDisposableList();
        var first = await ServedConnectionAsync(crowded);
        for (var i = 1; i < PeerLimitsChatServiceFactory.MaxConnectionsPerAddress; i++)
        {
            held.Add(await ServedConnectionAsync(crowded));
        }

        await first.DisposeAsync();

        // The service notices the close a moment later: tried until served, within the deadline.
        await TimeoutExtensions.WaitUntilAsync(() => IsServedAsync(crowded), "a connection from the address is served again");
    }

    // Whether a new connection from the address gets the service's SETTINGS, or is closed (reset,
    // since its preface is left unread).
    private async Task<bool> IsServedAsync(System.Net.IPAddress from)
    {
        await using var connection = await RawHttp2Connection.OpenAsync(server.GrpcAddress, from);
        try
        {
            await connection.SendPrefaceAsync();
            return await connection.ReadUntilAsync(frame => frame.Type == Http2Frame.Settings).DefaultTimeout();
        }
        catch (IOException)
        {
            return false;
        }
    }

    // A connection the service answered with its SETTINGS: within the limit, and holding a slot.
    private async Task<RawHttp2Connection> ServedConnectionAsync(System.Net.IPAddress from)
    {
        var connection = await RawHttp2Connection.OpenAsync(server.GrpcAddress, from);
        await connection.SendPrefaceAsync();
        Assert.True(await connection.ReadUntilAsync(frame => frame.Type == Http2Frame.Settings).DefaultTimeout(), "the service answered a connection within the limit");
        return connection;
    }
}
