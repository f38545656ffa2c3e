using System.Net;
using System.Net.Sockets;

namespace AspireChat.Testing;

// A loopback port nobody listens on right now, for a process the test starts with fixed ports.
// Taken from 20000-32767: below Linux's ephemeral range (32768-60999), where Aspire's proxies
// and outgoing connections take theirs, and above the range where Aspire's orchestrator gives
// processes their ports (seen: 10000-19999), so that an app a parallel test starts cannot take it
// while a test's service is down for a restart.
public static class FreePort
{
    // Never handed out twice: the processes of one test (replicas, Redis) bind theirs later.
    private static readonly HashSet<int> s_given = [];

    public static int Next()
    {
        while (true)
        {
            var port = Random.Shared.Next(20_000, 32_768);
            lock (s_given)
            {
                if (!s_given.Add(port))
                {
                    continue;
                }
            }
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
