using System.Diagnostics;
using AspireChat.Bench.Servers;

namespace AspireChat.Bench.Scenarios;

// What a server burns at rest, from /proc: the CPU time its processes use over a window, once
// what the last scenario set off (collections, compilation, closing streams) has settled.
internal sealed record IdleCpu(TimeSpan Settle, TimeSpan Window)
{
    // Milliseconds of CPU a second; null when a process of the server has gone.
    public async Task<double?> MeasureAsync(ServerProcess server, CancellationToken cancellationToken)
    {
        await Task.Delay(Settle, cancellationToken);
        var cpu = CpuUse.Start(server);
        var clock = Stopwatch.StartNew();
        await Task.Delay(Window, cancellationToken);
        return cpu.ServerSeconds() is { } seconds ? Math.Round(seconds * 1000 / clock.Elapsed.TotalSeconds, 2) : null;
    }

    public async Task<IdleResult> MeasureAsync(string target, int listeners, ServerProcess server, CancellationToken cancellationToken) =>
        Result(target, listeners, await MeasureAsync(server, cancellationToken));

    public IdleResult Result(string target, int listeners, double? millisecondsPerSecond) =>
        new(target, listeners, Settle.TotalSeconds, Window.TotalSeconds, millisecondsPerSecond);
}
