using AspireChat.Bench.Load;
using AspireChat.Bench.Reporting;
using AspireChat.Bench.Scenarios;
using AspireChat.Bench.Servers;

namespace AspireChat.Bench.Web;

// N pages in headless Chromium joined through the web app, and gRPC listeners on chat itself as
// the baseline, all receiving the same messages from one sender at a steady rate: how long each
// takes from its scheduled send time to a line in each page (and to each listener), whether every
// page shows each exactly once, and what the web app spends on them.
internal static class WebScenario
{
    private static readonly TimeSpan s_drainIdle = TimeSpan.FromSeconds(5);
    // Many pages on a busy machine can all stall for seconds; a message is lost only when none
    // of them has rendered anything for this long.
    private static readonly TimeSpan s_pageDrainIdle = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan s_closeTimeout = TimeSpan.FromSeconds(30);

    public static async Task<WebReport> RunAsync(WebServers servers, WebOptions options, TextWriter console, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var webApp = new ServerProcess(servers.Web.ProcessId);
        var rssBefore = webApp.ResidentBytes();
        console.WriteLine($"Opening {options.Pages} pages in headless Chromium...");
        await using var pages = await BenchPages.LaunchAsync();
        // The first page pays for what any first page does (code compiled, caches filled); the
        // memory per page is what each further one adds.
        await pages.JoinAsync(servers.Web.HttpUrl, 1, cancellationToken);
        var rssOne = webApp.ResidentBytes();
        await pages.JoinAsync(servers.Web.HttpUrl, options.Pages - 1, cancellationToken);
        var rssWith = webApp.ResidentBytes();
        console.WriteLine($"{pages.Count} pages joined; sending {options.Rate}/s for {options.Duration.TotalSeconds} s...");

        await using var target = new ChatTarget(servers.Chat.GrpcUrl, workshop: false);
        using var streams = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listeners = await Listeners.OpenAsync(target, options.Listeners, senders: 1, recordLatency: true, streams.Token);
        var send = await target.SenderAsync(0, cancellationToken);
        var schedule = new WebSchedule(options.Rate, (long)(options.Duration.TotalSeconds * options.Rate));

        var stopCpu = WindowCpu.Start(servers);
        await schedule.SendAsync(send, cancellationToken);
        await Listeners.DrainAsync(listeners, schedule.Sends.Accepted, s_drainIdle, cancellationToken);
        await pages.DrainAsync(schedule.Sends.Accepted, s_pageDrainIdle, cancellationToken);
        var cpu = stopCpu();
        await Listeners.CloseAsync(listeners, streams, s_closeTimeout, cancellationToken);

        var perPage = (await pages.CollectAsync()).Select((rendered, i) => PageResult.Of($"page-{i}", rendered, schedule)).ToList();
        var listener = ListenerResult(target.Name, listeners, options, schedule);
        var run = Summary(perPage, listener, options, schedule);
        var cost = Cost(new Memory(rssBefore, rssOne, rssWith), cpu, run);
        return new WebReport(SuiteReport.DescribeMachine(), startedAt, run, cost, cpu, listener, [.. perPage.Select(p => p.Result)], WebTargets.Check(run, cost));
    }

    private static WebRun Summary(List<(PageResult Result, double[] LatenciesMs)> perPage, LatencyResult listener, WebOptions options, WebSchedule schedule)
    {
        var all = Percentiles.Of(perPage.SelectMany(p => p.LatenciesMs));
        var results = perPage.Select(p => p.Result).ToList();
        return new WebRun(results.Count, options.Listeners, options.Rate, schedule.Scheduled, schedule.Sends.Accepted, schedule.Sends.Refused, schedule.Sends.Failed,
            results.Sum(p => p.Rendered), results.Sum(p => p.Lost), results.Sum(p => p.Duplicates),
            all.P50, all.P99, all.P999, all.Max, listener.P50, listener.P99, listener.P999, Ratio.Of(all.P99, listener.P99));
    }

    // The gRPC listeners' row, as the latency command reports one.
    private static LatencyResult ListenerResult(string target, List<BenchListener> listeners, WebOptions options, WebSchedule schedule)
    {
        var latencies = listeners.SelectMany(l => l.LatenciesMs).ToList();
        var figures = Percentiles.Of(latencies);
        var accepted = schedule.Sends.Accepted;
        return new LatencyResult($"{target} gRPC listeners", listeners.Count, options.Rate, schedule.Scheduled, accepted, schedule.Sends.Refused, schedule.Sends.Failed,
            latencies.Count, listeners.Sum(l => accepted - l.Unique), listeners.Sum(l => l.Duplicates),
            figures.P50, Percentiles.At(latencies, 0.90), figures.P99, figures.P999, figures.Max, null, null);
    }

    private static WebAppCost Cost(Memory rss, WindowCpu cpu, WebRun run)
    {
        var (cpuSeconds, windowSeconds) = (cpu.WebApp, cpu.WindowSeconds);
        static double? MiB(long? bytes) => bytes is { } b ? Math.Round(b / 1048576.0, 1) : null;
        double? perPage = rss.One is { } one && rss.All is { } all && run.Pages > 1 ? Math.Round((all - one) / 1024.0 / (run.Pages - 1), 1) : null;
        return new WebAppCost(MiB(rss.Before), MiB(rss.One), MiB(rss.All), perPage,
            cpuSeconds is { } s ? Math.Round(s, 2) : null,
            Math.Round(windowSeconds, 2),
            cpuSeconds is { } c && run.Rendered > 0 ? Math.Round(c * 1e6 / run.Rendered, 1) : null,
            cpuSeconds is { } t && run.Pages > 0 ? Math.Round(t * 1000 / windowSeconds / run.Pages, 2) : null);
    }

    // The web app's resident bytes with no page, one page, and every page joined.
    private sealed record Memory(long? Before, long? One, long? All);
}
