using AspireChat.Bench.Load;
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
        SuiteServers servers;
        try
        {
            servers = await SuiteServers.StartAsync(options.Replicas, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync($"The suite could not start its servers: {ex.Message}");
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

        var capacity = await CapacityAsync(servers, options, cancellationToken);
        ResultTable.Print("Capacity: idle Listen streams", capacity, console);
        var fanOut = FanOutFigures.Of(await FanOutAsync(servers, options, cancellationToken));
        fanOut.Print(options, console);
        var latency = LatencyFigures.Of(await LatencyAsync(servers, options, cancellationToken));
        latency.Print(options, console);
        if (options.LargeCapacityListeners > 0)
        {
            capacity.Add(await LargeCapacityAsync(servers, options, console, cancellationToken));
        }

        var targets = BackplaneTargets.Check(fanOut, latency);
        ResultTable.Print("Backplane targets (2 cores)", targets, console);
        return new SuiteReport(machine, startedAt, options.Rounds, fanOut.MedianRows, fanOut.CeilingRatios, fanOut.SignalRRatios, fanOut.BackplaneRatios,
            latency.MedianRows, latency.SignalRRatios, capacity, targets, fanOut.AllRows, latency.AllRows);
    }

    // First, while each server is fresh; the backplane's capacity is not measured here.
    private static async Task<List<CapacityResult>> CapacityAsync(SuiteServers servers, SuiteOptions options, CancellationToken cancellationToken) =>
    [
        await WithTarget(servers.InMemory.Connect(), t => CapacityScenario.RunAsync(t, servers.InMemory.Process, options.CapacityListeners, options.CapacityMemoryLimitMegabytes, cancellationToken)),
        await WithTarget(servers.Ceiling.Connect(), t => CapacityScenario.RunAsync(t, servers.Ceiling.Process, options.CapacityListeners, options.CapacityMemoryLimitMegabytes, cancellationToken)),
        await WithTarget(servers.SignalR.Connect(), t => CapacityScenario.RunAsync(t, servers.SignalR.Process, options.CapacityListeners, options.CapacityMemoryLimitMegabytes, cancellationToken)),
    ];

    // Last, so that the names its users hold for the grace period disturb no other measurement.
    private static async Task<CapacityResult> LargeCapacityAsync(SuiteServers servers, SuiteOptions options, TextWriter console, CancellationToken cancellationToken)
    {
        var large = await WithTarget(servers.InMemory.Connect(), t => CapacityScenario.RunAsync(t, servers.InMemory.Process, options.LargeCapacityListeners, memoryLimitMegabytes: null, cancellationToken));
        ResultTable.Print($"Capacity: {options.LargeCapacityListeners:N0} idle Listen streams on the chat service", [large], console);
        return large;
    }

    private static async Task<List<IReadOnlyList<PerServer<FanOutResult>>>> FanOutAsync(SuiteServers servers, SuiteOptions options, CancellationToken cancellationToken)
    {
        var measured = new PerServer<MeasuredServer>(servers.InMemory, servers.Ceiling, servers.SignalR, servers.Backplane);
        // A warm-up, not reported, so that no server is measured while the JIT still recompiles its
        // hot methods (tiered compilation: measured at about 6% of a server's CPU in the first
        // seconds of load, docs/performance.md).
        var warmUpListeners = Math.Min(100, options.FanOutListeners.Max());
        await EachAsync(measured, 0, (t, process) => FanOutScenario.RunAsync(t, process, warmUpListeners, options.Senders, options.WarmUp, options.MessageSize, cancellationToken));
        return await RoundsAsync(measured, options.FanOutListeners, options.Rounds, (listeners, t, process) =>
            FanOutScenario.RunAsync(t, process, listeners, options.Senders, options.FanOutDuration, options.MessageSize, cancellationToken));
    }

    // The backplane's latency is cross-replica: the sender on one replica, the listeners on the others.
    private static async Task<List<IReadOnlyList<PerServer<LatencyResult>>>> LatencyAsync(SuiteServers servers, SuiteOptions options, CancellationToken cancellationToken)
    {
        var measured = new PerServer<MeasuredServer>(servers.InMemory, servers.Ceiling, servers.SignalR, servers.BackplaneCrossReplica);
        // The latency runs' own code paths (a steady sender, per-message timing) warmed up too.
        var warmUpListeners = options.LatencyListeners.Min();
        await EachAsync(measured, 0, (t, process) => LatencyScenario.RunAsync(t, process, warmUpListeners, SuiteOptions.LatencyRate(warmUpListeners), options.WarmUp, options.MessageSize, cancellationToken));
        return await RoundsAsync(measured, options.LatencyListeners, options.Rounds, (listeners, t, process) =>
            LatencyScenario.RunAsync(t, process, listeners, SuiteOptions.LatencyRate(listeners), options.LatencyDuration, options.MessageSize, cancellationToken));
    }

    // Every round at every size, in the order of the sizes; each round is the scenario against
    // every server.
    private static async Task<List<IReadOnlyList<PerServer<T>>>> RoundsAsync<T>(PerServer<MeasuredServer> servers, IEnumerable<int> sizes, int roundsPerSize, Func<int, IFanOutTarget, ServerProcess, Task<T>> scenario)
    {
        var results = new List<IReadOnlyList<PerServer<T>>>();
        var round = 0;
        foreach (var listeners in sizes)
        {
            var rounds = new List<PerServer<T>>();
            for (var i = 0; i < roundsPerSize; i++)
            {
                rounds.Add(await EachAsync(servers, round++, (t, process) => scenario(listeners, t, process)));
            }
            results.Add(rounds);
        }
        return results;
    }

    // The same scenario against each server in turn, a different one going first each round, so
    // that none always runs on a warmer or a busier machine.
    private static async Task<PerServer<T>> EachAsync<T>(PerServer<MeasuredServer> servers, int round, Func<IFanOutTarget, ServerProcess, Task<T>> scenario)
    {
        var order = servers.All;
        var results = new T[order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            var next = (round + i) % order.Count;
            results[next] = await WithTarget(order[next].Connect(), t => scenario(t, order[next].Process));
        }
        return new(results[0], results[1], results[2], results[3]);
    }

    private static async Task<T> WithTarget<T>(IFanOutTarget target, Func<IFanOutTarget, Task<T>> run)
    {
        await using (target)
        {
            return await run(target);
        }
    }
}
