using AspireChat.Bench.Scenarios;
using static System.FormattableString;

namespace AspireChat.Bench.Reporting;

// The targets for the backplane on this 2-core machine, checked against one suite run:
// exact delivery across replicas at 1,000 listeners, p99 cross-replica latency at 100 listeners
// and 100 messages a second, and server CPU per delivery at most 1.5 times the in-memory service's.
internal static class BackplaneTargets
{
    private const int ExactListeners = 1_000;
    private const int LatencyListeners = 100;
    private const double LatencyRate = 100;
    private const double MaxP99Milliseconds = 10;
    private const double MaxCpuRatio = 1.5;

    // From the backplane's rows only (fan-out spread over the replicas, latency cross-replica):
    // exactness over every round, latency from the median round. Order is the fan-out's: a
    // latency run's sends overlap, so they have no order to keep.
    public static IReadOnlyList<TargetCheck> Check(FanOutFigures fanOut, LatencyFigures latency) =>
    [
        Exact([.. fanOut.Rounds.Select(r => r.Backplane)], [.. latency.Rounds.Select(r => r.Backplane)]),
        Latency([.. latency.Medians.Select(r => r.Backplane)]),
        .. fanOut.BackplaneRatios.Select(Cpu),
    ];

    private static TargetCheck Exact(IReadOnlyList<FanOutResult> fanOut, IReadOnlyList<LatencyResult> latency)
    {
        const string target = "no loss, duplicate or reordering across replicas at 1,000 listeners";
        var runs = fanOut.Where(r => r.Listeners == ExactListeners).Select(r => (r.Deliveries, r.Lost, r.Duplicates, r.OutOfOrder))
            .Concat(latency.Where(r => r.Listeners == ExactListeners).Select(r => (r.Deliveries, r.Lost, r.Duplicates, OutOfOrder: 0L)))
            .ToList();
        if (runs.Count == 0)
        {
            return new(target, "-", "not run");
        }
        var (deliveries, lost, duplicates, outOfOrder) = (runs.Sum(r => r.Deliveries), runs.Sum(r => r.Lost), runs.Sum(r => r.Duplicates), runs.Sum(r => r.OutOfOrder));
        return new(target, Invariant($"{deliveries:#,0} deliveries (fan-out and latency): lost {lost}, duplicates {duplicates}, out of order {outOfOrder}"),
            lost + duplicates + outOfOrder == 0 ? "met" : "missed");
    }

    private static TargetCheck Latency(IReadOnlyList<LatencyResult> latency)
    {
        const string target = "p99 cross-replica latency <= 10 ms at 100 listeners x 100 msg/s";
        return latency.FirstOrDefault(r => r.Listeners == LatencyListeners && r.RatePerSecond == LatencyRate) is { } run
            ? new(target, Invariant($"p99 {run.P99} ms (p50 {run.P50}, p99.9 {run.P999}, max {run.Max})"), run.P99 <= MaxP99Milliseconds ? "met" : "missed")
            : new(target, "-", "not run");
    }

    private static TargetCheck Cpu(FanOutRatio ratio)
    {
        var target = Invariant($"server CPU per delivery <= 1.5x in-memory, {ratio.Listeners:#,0} listeners");
        return ratio.CpuRatio is { } cpu
            ? new(target, Invariant($"{ratio.MeasuredMicrosecondsPerDelivery} / {ratio.BaselineMicrosecondsPerDelivery} µs = {cpu}x"), cpu <= MaxCpuRatio ? "met" : "missed")
            : new(target, "-", "not measured");
    }
}
