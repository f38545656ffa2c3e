using AspireChat.Bench.Reporting;
using AspireChat.Bench.Servers;

namespace AspireChat.Bench.Scenarios;

// The documented run: starts the chat service, the ceiling server, the SignalR hub, and a
// redis-server with chat replicas on it, as processes (from this program's build output, on free
// ports), runs every scenario against each, prints the tables and writes the JSON.
internal static class Suite
{
    // 0 when every delivery of every run was exact; the tables and the JSON are written either way.
    public static async Task<int> RunAsync(SuiteOptions options, string output, TextWriter console, CancellationToken cancellationToken)
    {
        if (await SuiteServers.TryStartAsync(options.Replicas, Console.Error, cancellationToken) is not { } servers)
        {
            return 1;
        }
        SuiteReport report;
        await using (servers)
        {
            report = await MeasureAsync(servers, options, console, cancellationToken);
            await report.WriteAsync(output, cancellationToken);
        }
        console.WriteLine();
        console.WriteLine($"Wrote {Path.GetFullPath(output)}");
        return DeliveryCheck.ExitCode(report.CountedRuns(), Console.Error);
    }

    private static async Task<SuiteReport> MeasureAsync(SuiteServers servers, SuiteOptions options, TextWriter console, CancellationToken cancellationToken)
    {
        var machine = SuiteReport.DescribeMachine();
        console.WriteLine($"Machine: {machine}");
        servers.Describe(console);
        var startedAt = DateTimeOffset.UtcNow;

        var idle = await SuiteSteps.IdleAsync(servers, options, cancellationToken);
        var capacity = await SuiteSteps.CapacityAsync(servers, options, cancellationToken);
        ResultTable.Print("Capacity: idle Listen streams", capacity, console);
        var fanOut = FanOutFigures.Of(await SuiteSteps.FanOutAsync(servers, options, cancellationToken));
        fanOut.Print(options, console);
        var latency = LatencyFigures.Of(await SuiteSteps.LatencyAsync(servers, options, cancellationToken));
        latency.Print(options, console);
        var direct = DirectFigures.Of(await SuiteSteps.DirectAsync(servers, options, cancellationToken));
        direct.Print(options, console);
        if (options.LargeCapacityListeners > 0)
        {
            capacity.AddRange(await SuiteSteps.LargeCapacityAsync(options, console, cancellationToken));
        }
        idle.AddRange(capacity.Where(c => c.IdleServerCpuMillisecondsPerSecond is not null)
            .Select(c => options.Idle.Result(c.Target, c.Connected, c.IdleServerCpuMillisecondsPerSecond)));
        ResultTable.Print("Idle: each server's CPU at rest, ms of CPU per second (with no listener before anything ran; then with the capacity runs' listeners open)", idle, console);

        var backplaneTargets = BackplaneTargets.Check(fanOut, latency);
        ResultTable.Print("Backplane targets (2 cores)", backplaneTargets, console);
        var targets = SuiteTargets.Check(fanOut, latency, direct, new RestTargets(idle, capacity, options.CapacityListeners, options.LargeCapacityListeners));
        ResultTable.Print("Targets (2 cores): the backplane at the cost of one process, nothing burnt at rest, kept ahead of SignalR and near the ceiling", targets, console);
        return new SuiteReport(machine, startedAt, options.Rounds, fanOut.MedianRows, fanOut.CeilingRatios, fanOut.SignalRRatios, fanOut.BackplaneRatios,
            latency.MedianRows, latency.SignalRRatios, capacity, backplaneTargets, fanOut.AllRows, latency.AllRows)
        {
            DirectMessages = direct.MedianRows,
            DirectSignalRRatios = direct.SignalRRatios,
            DirectBackplaneRatios = direct.BackplaneRatios,
            DirectMessageRounds = direct.AllRows,
            Idle = idle,
            Targets = targets,
        };
    }
}
