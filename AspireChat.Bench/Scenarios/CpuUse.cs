using System.Diagnostics;
using AspireChat.Bench.Servers;

namespace AspireChat.Bench.Scenarios;

// CPU time spent since Start, by the server (null when its processes are not known, or one has
// gone) and by this load generator.
internal sealed class CpuUse
{
    private readonly ServerProcess _server;
    private readonly TimeSpan? _serverBefore;
    private readonly TimeSpan _clientBefore;

    private CpuUse(ServerProcess server)
    {
        _server = server;
        _serverBefore = server.CpuTime();
        _clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
    }

    public static CpuUse Start(ServerProcess server) => new(server);

    public double? ServerSeconds() => (_server.CpuTime() - _serverBefore)?.TotalSeconds;

    public double ClientSeconds() => (Process.GetCurrentProcess().TotalProcessorTime - _clientBefore).TotalSeconds;
}
