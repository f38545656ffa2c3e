using AspireChat.Bench.Load;
using AspireChat.Bench.Reporting;
using AspireChat.Bench.Servers;

namespace AspireChat.Bench.Scenarios;

// The documented run: starts a chat service and the ceiling server as processes (from this
// program's build output, on free ports), runs every scenario against both, prints the tables and
// writes the JSON.
internal static class Suite
{
    public static async Task<int> RunAsync(SuiteOptions options, string output, TextWriter console, CancellationToken cancellationToken)
    {
        // Load, not chat: no per-user, per-connection or per-address rate limit (every bench
        // client comes from one address), no log line per message, and a room of its own (no
        // names held from an earlier run).
        await using var chat = await LocalServer.StartChatServiceAsync(new Dictionary<string, string>
        {
            ["Chat__MessagesPerSecond"] = "1000000",
            ["Chat__MessageBurst"] = "1000000",
            ["Chat__RegistrationsPerConnectionPerMinute"] = "1000000",
            ["Chat__RegistrationBurstPerConnection"] = "1000000",
            ["Chat__RegistrationsPerAddressPerMinute"] = "1000000",
            ["Chat__RegistrationBurstPerAddress"] = "1000000",
            ["Chat__MessagesPerSecondPerConnection"] = "1000000",
            ["Chat__MessageBurstPerConnection"] = "1000000",
            ["Chat__MessagesPerSecondPerAddress"] = "1000000",
            ["Chat__MessageBurstPerAddress"] = "1000000",
            ["Chat__RestartHoldPeriod"] = "00:00:00",
            ["Logging__LogLevel__Default"] = "Warning",
        }, cancellationToken);
        await using var ceiling = await LocalServer.StartCeilingAsync(cancellationToken);
        var chatUrl = chat.GrpcUrl;
        var ceilingUrl = ceiling.GrpcUrl;
        var chatProcess = chat.Process;
        var ceilingProcess = ceiling.Process;
        console.WriteLine($"Machine: {SuiteReport.DescribeMachine()}");
        console.WriteLine($"Chat service at {chatUrl} (process {chat.ProcessId}); ceiling at {ceilingUrl} (process {ceiling.ProcessId}).");

        var report = new SuiteReport(SuiteReport.DescribeMachine(), DateTimeOffset.UtcNow, [], [], [], []);

        // Capacity first, while each server is fresh.
        var capacity = new List<CapacityResult>
        {
            await WithTarget(new ChatTarget(chatUrl, workshop: false), t => CapacityScenario.RunAsync(t, chatProcess, options.CapacityListeners, options.CapacityMemoryLimitMegabytes, cancellationToken)),
            await WithTarget(new CeilingTarget(ceilingUrl), t => CapacityScenario.RunAsync(t, ceilingProcess, options.CapacityListeners, options.CapacityMemoryLimitMegabytes, cancellationToken)),
        };
        ResultTable.Print("Capacity: idle Listen streams", capacity, console);

        // A warm-up, not reported, so that neither server is measured before the JIT has done its work.
        await WithTarget(new ChatTarget(chatUrl, workshop: false), t => FanOutScenario.RunAsync(t, chatProcess, 8, options.Senders, TimeSpan.FromSeconds(1), options.MessageSize, cancellationToken));
        await WithTarget(new CeilingTarget(ceilingUrl), t => FanOutScenario.RunAsync(t, ceilingProcess, 8, options.Senders, TimeSpan.FromSeconds(1), options.MessageSize, cancellationToken));

        var fanOut = new List<FanOutResult>();
        var ratios = new List<CeilingRatio>();
        foreach (var (listeners, index) in options.FanOutListeners.Select((n, i) => (n, i)))
        {
            Task<FanOutResult> Mine() => WithTarget(new ChatTarget(chatUrl, workshop: false), t => FanOutScenario.RunAsync(t, chatProcess, listeners, options.Senders, options.FanOutDuration, options.MessageSize, cancellationToken));
            Task<FanOutResult> Bare() => WithTarget(new CeilingTarget(ceilingUrl), t => FanOutScenario.RunAsync(t, ceilingProcess, listeners, options.Senders, options.FanOutDuration, options.MessageSize, cancellationToken));
            // Taking turns at going first, so that neither always runs on a warmer or a busier machine.
            FanOutResult mine, bare;
            if (index % 2 == 0)
            {
                mine = await Mine();
                bare = await Bare();
            }
            else
            {
                bare = await Bare();
                mine = await Mine();
            }
            fanOut.AddRange([mine, bare]);
            ratios.Add(new CeilingRatio(listeners, mine.DeliveriesPerSecond, bare.DeliveriesPerSecond,
                bare.DeliveriesPerSecond == 0 ? 0 : Math.Round(mine.DeliveriesPerSecond / bare.DeliveriesPerSecond, 2),
                mine.ServerMicrosecondsPerDelivery, bare.ServerMicrosecondsPerDelivery,
                mine.ServerMicrosecondsPerDelivery is > 0 && bare.ServerMicrosecondsPerDelivery is { } b ? Math.Round(b / mine.ServerMicrosecondsPerDelivery.Value, 2) : null));
        }
        ResultTable.Print($"Fan-out: {options.Senders} senders at full speed for {options.FanOutDuration.TotalSeconds} s, {options.MessageSize}-character messages", fanOut, console);
        ResultTable.Print("AspireChat / ceiling (deliveries per second)", ratios, console);

        var latency = new List<LatencyResult>();
        foreach (var listeners in options.LatencyListeners)
        {
            var rate = SuiteOptions.LatencyRate(listeners);
            latency.Add(await WithTarget(new ChatTarget(chatUrl, workshop: false), t => LatencyScenario.RunAsync(t, listeners, rate, options.LatencyDuration, options.MessageSize, cancellationToken)));
            latency.Add(await WithTarget(new CeilingTarget(ceilingUrl), t => LatencyScenario.RunAsync(t, listeners, rate, options.LatencyDuration, options.MessageSize, cancellationToken)));
        }
        ResultTable.Print($"Latency: one sender at a steady rate for {options.LatencyDuration.TotalSeconds} s (milliseconds, send to receive)", latency, console);

        report = report with { FanOut = fanOut, CeilingRatios = ratios, Latency = latency, Capacity = capacity };
        await report.WriteAsync(output, cancellationToken);
        console.WriteLine();
        console.WriteLine($"Wrote {Path.GetFullPath(output)}");
        return 0;
    }

    private static async Task<T> WithTarget<T>(IFanOutTarget target, Func<IFanOutTarget, Task<T>> run)
    {
        await using (target)
        {
            return await run(target);
        }
    }
}
