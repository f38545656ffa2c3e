using AspireChat.Bench.Load;
using AspireChat.Bench.Reporting;
using AspireChat.Bench.Servers;

namespace AspireChat.Bench.Scenarios;

// The suite's steps, each against the servers it compares, in the order Suite runs them: each
// server at rest while nothing has run yet; capacity (memory, and CPU at rest with the streams
// open) while each is fresh; the fan-out, latency and direct-message rounds, each after a warm-up;
// and last the large capacity runs, each on a process of its own.
internal static class SuiteSteps
{
    // All at once: each counts only its own processes' CPU, and none is busy.
    public static async Task<List<IdleResult>> IdleAsync(SuiteServers servers, SuiteOptions options, CancellationToken cancellationToken)
    {
        MeasuredServer<IFanOutTarget>[] all = [servers.InMemory, servers.Ceiling, servers.SignalR, servers.Backplane];
        return [.. await Task.WhenAll(all.Select(server =>
            SuiteRounds.WithTarget(server.Connect(), t => options.Idle.MeasureAsync(t.Name, 0, server.Process, cancellationToken))))];
    }

    // The backplane's capacity is not measured here.
    public static async Task<List<CapacityResult>> CapacityAsync(SuiteServers servers, SuiteOptions options, CancellationToken cancellationToken)
    {
        var results = new List<CapacityResult>();
        foreach (var server in new[] { servers.InMemory, servers.Ceiling, servers.SignalR })
        {
            results.Add(await CapacityAsync(server, options.CapacityListeners, options.CapacityMemoryLimitMegabytes, options.Idle, cancellationToken));
        }
        return results;
    }

    // Each on a process started for it, so that both begin from the same state: a heap that the
    // rounds before have grown takes many streams into memory it already holds, which is not
    // what a stream costs. The ceiling first, then the chat service, each alone and then stopped.
    public static async Task<IReadOnlyList<CapacityResult>> LargeCapacityAsync(SuiteOptions options, TextWriter console, CancellationToken cancellationToken)
    {
        var ceiling = await OnNewProcessAsync(() => LocalServer.StartCeilingAsync(cancellationToken), url => new CeilingTarget(url), options, cancellationToken);
        var chat = await OnNewProcessAsync(() => LocalServer.StartChatServiceAsync(SuiteServers.LoadSettings, cancellationToken), url => new ChatTarget(url, workshop: false), options, cancellationToken);
        ResultTable.Print($"Capacity: {options.LargeCapacityListeners:N0} idle Listen streams on the ceiling and on the chat service, each a new process", [ceiling, chat], console);
        return [ceiling, chat];
    }

    public static async Task<List<IReadOnlyList<PerServer<FanOutResult>>>> FanOutAsync(SuiteServers servers, SuiteOptions options, CancellationToken cancellationToken)
    {
        IReadOnlyList<MeasuredServer<IFanOutTarget>> measured = [servers.InMemory, servers.Ceiling, servers.SignalR, servers.Backplane];
        // A warm-up, not reported, so that no server is measured while the JIT still recompiles its
        // hot methods (tiered compilation: measured at about 6% of a server's CPU in the first
        // seconds of load, docs/performance.md).
        var warmUpListeners = Math.Min(100, options.FanOutListeners.Max());
        await SuiteRounds.EachAsync(measured, 0, (t, process) => FanOutScenario.RunAsync(t, process, warmUpListeners, options.Senders, options.WarmUp, options.MessageSize, cancellationToken));
        return await SuiteRounds.RoundsAsync(measured, PerServer<FanOutResult>.Of, options.FanOutListeners, options.Rounds, (listeners, t, process) =>
            FanOutScenario.RunAsync(t, process, listeners, options.Senders, options.FanOutDuration, options.MessageSize, cancellationToken));
    }

    // The backplane's latency is cross-replica: the sender on one replica, the listeners on the others.
    public static async Task<List<IReadOnlyList<PerServer<LatencyResult>>>> LatencyAsync(SuiteServers servers, SuiteOptions options, CancellationToken cancellationToken)
    {
        IReadOnlyList<MeasuredServer<IFanOutTarget>> measured = [servers.InMemory, servers.Ceiling, servers.SignalR, servers.BackplaneCrossReplica];
        // The latency runs' own code paths (a steady sender, per-message timing) warmed up too.
        var warmUpListeners = options.LatencyListeners.Min();
        await SuiteRounds.EachAsync(measured, 0, (t, process) => LatencyScenario.RunAsync(t, process, warmUpListeners, SuiteOptions.LatencyRate(warmUpListeners), options.WarmUp, options.MessageSize, cancellationToken));
        return await SuiteRounds.RoundsAsync(measured, PerServer<LatencyResult>.Of, options.LatencyListeners, options.Rounds, (listeners, t, process) =>
            LatencyScenario.RunAsync(t, process, listeners, SuiteOptions.LatencyRate(listeners), options.LatencyDuration, options.MessageSize, cancellationToken));
    }

    // Warmed up too: a direct message takes its own paths (the `@name` rule, SignalR's
    // Clients.User, a recipient on another replica).
    public static async Task<List<IReadOnlyList<DirectServers<DirectResult>>>> DirectAsync(SuiteServers servers, SuiteOptions options, CancellationToken cancellationToken)
    {
        var measured = servers.Direct.All;
        var warmUpUsers = Math.Min(100, options.DirectUsers.Max());
        await SuiteRounds.EachAsync(measured, 0, (t, process) => DirectScenario.RunAsync(t, process, warmUpUsers, options.WarmUp, options.MessageSize, cancellationToken));
        return await SuiteRounds.RoundsAsync(measured, DirectServers<DirectResult>.Of, options.DirectUsers, options.Rounds, (users, t, process) =>
            DirectScenario.RunAsync(t, process, users, options.DirectDuration, options.MessageSize, cancellationToken));
    }

    private static async Task<CapacityResult> OnNewProcessAsync(Func<Task<LocalServer>> start, Func<Uri, IFanOutTarget> connect, SuiteOptions options, CancellationToken cancellationToken)
    {
        await using var server = await start();
        return await CapacityAsync(new MeasuredServer<IFanOutTarget>(() => connect(server.GrpcUrl), server.Process), options.LargeCapacityListeners, memoryLimitMegabytes: null, options.Idle, cancellationToken);
    }

    private static Task<CapacityResult> CapacityAsync(MeasuredServer<IFanOutTarget> server, int listeners, double? memoryLimitMegabytes, IdleCpu idle, CancellationToken cancellationToken) =>
        SuiteRounds.WithTarget(server.Connect(), t => CapacityScenario.RunAsync(t, server.Process, listeners, memoryLimitMegabytes, idle, cancellationToken));
}
