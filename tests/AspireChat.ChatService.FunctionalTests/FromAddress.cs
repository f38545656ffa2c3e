using System.Net;
using System.Net.Sockets;

namespace AspireChat.ChatService.FunctionalTests;

// Another client address without another machine: every 127.x.y.z is this host's loopback, and
// a socket bound to one of them before it connects reaches the service from that address.
public static class FromAddress
{
    public static IPAddress Loopback(int last) => new([127, 0, 0, (byte)last]);

    // For ChatServiceFactory.CreateChannel: the channel's connections come from this address.
    public static Action<SocketsHttpHandler> Of(IPAddress local) => handler => handler.ConnectCallback = async (context, cancellationToken) =>
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(local, 0));
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    };
}
