using System.Net;
using System.Net.Sockets;

namespace AspireChat.Hosting.Orchestration;

// Loopback ports for endpoints.
internal static class LocalPorts
{
    // Below Linux's ephemeral range (32768-60999), so that no outgoing connection takes the port
    // between now and the resource binding it.
    private const int First = 20_000;
    private const int Last = 32_767;

    // A free port, kept for the app's lifetime so that restarts reuse it.
    public static int Free(HashSet<int> taken)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(First, Last + 1);
            if (!taken.Contains(port) && !IsInUse(port))
            {
                taken.Add(port);
                return port;
            }
        }
        // A crowded range: take one the system hands out.
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (taken.Add(port))
            {
                return port;
            }
        }
    }

    public static bool IsInUse(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }
}
