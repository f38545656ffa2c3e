using System.Net;
using System.Net.Sockets;

namespace AspireChat.Hosting.Orchestration;

// Loopback ports for endpoints.
internal static class LocalPorts
{
    // A port the system has just handed out, kept for the app's lifetime so restarts reuse it.
    public static int Free(HashSet<int> taken)
    {
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
