using System.Net;
using System.Net.Sockets;

namespace AspireChat.Tests.Infrastructure;

// A loopback port nobody listens on right now, for a process the test starts with fixed ports.
// Taken below Linux's ephemeral range (32768-60999), so that no outgoing connection takes it
// before the process binds it.
public static class FreePort
{
    public static int Next()
    {
        while (true)
        {
            var port = Random.Shared.Next(20_000, 32_768);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }
    }
}
