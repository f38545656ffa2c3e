using System.Net;
using System.Net.Sockets;

namespace AspireChat.Tests.Infrastructure;

// A loopback port nobody listens on right now, for a process the test starts with fixed ports.
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
