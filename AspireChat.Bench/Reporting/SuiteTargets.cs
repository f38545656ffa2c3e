using AspireChat.Bench.Scenarios;
using static System.FormattableString;

namespace AspireChat.Bench.Reporting;

// The suite's targets on this 2-core machine, checked against one run (each server's median
// round): the backplane at the cost of one process (CPU per message and, with few listeners,
// messages per second), nothing burnt at rest and memory per idle listener near the ceiling's
// (RestTargets), and what must be kept: ahead of SignalR everywhere, CPU per delivery and p99.9
// near the ceiling's.
internal static class SuiteTargets
{
    public const string Met = "met";
    public const string Missed = "missed";
    public const string NotRun = "not run";
    private const double MaxBackplaneCpuRatio = 2;
    private const double MinBackplaneThroughputRatio = 0.5;
    private const double MaxCeilingCpuRatio = 1 / 0.95;
    private const double MaxCeilingP999Ratio = 1.5;
    private const int CeilingCpuFromListeners = 100;
    private static readonly int[] s_fewListeners = [1, 8];

    public static IReadOnlyList<TargetCheck> Check(FanOutFigures fanOut, LatencyFigures latency, DirectFigures direct, RestTargets rest) =>
    [
        .. fanOut.BackplaneRatios.Select(r => BackplaneCpu("fan-out", "listeners", r)),
        .. direct.BackplaneRatios.Select(r => BackplaneCpu("direct messages", "users", r)),
        .. fanOut.BackplaneRatios.Where(r => s_fewListeners.Contains(r.Listeners)).Select(r => BackplaneThroughput("fan-out", "listeners", "deliveries/s", r)),
        .. direct.BackplaneRatios.Select(r => BackplaneThroughput("direct messages", "users", "messages/s", r)),
        .. rest.Check(),
        .. fanOut.SignalRRatios.Select(r => AheadOfSignalR("fan-out", "listeners", r)),
        .. direct.SignalRRatios.Select(r => AheadOfSignalR("direct messages", "users", r)),
        .. CeilingCpu(fanOut.CeilingRatios),
        .. latency.Medians.Select(CeilingP999),
    ];

    // "a / b unit = r x" and its verdict, or "not run" when either figure is missing.
    public static TargetCheck Compare(string target, double? measured, double? baseline, string unit, Func<double, bool> met) =>
        Ratio.Of(measured, baseline) is { } ratio
            ? new(target, Invariant($"{measured:#,0.##} / {baseline:#,0.##} {unit} = {ratio}x"), met(ratio) ? Met : Missed)
            : new(target, "-", NotRun);

    private static TargetCheck BackplaneCpu(string scenario, string of, FanOutRatio ratio) =>
        Compare(Invariant($"backplane server CPU per message <= {MaxBackplaneCpuRatio}x in-memory: {scenario}, {ratio.Listeners:#,0} {of}"),
            ratio.MeasuredMicrosecondsPerDelivery, ratio.BaselineMicrosecondsPerDelivery, "µs per delivery", r => r <= MaxBackplaneCpuRatio);

    private static TargetCheck BackplaneThroughput(string scenario, string of, string unit, FanOutRatio ratio) =>
        Compare(Invariant($"backplane messages per second >= {MinBackplaneThroughputRatio}x in-memory: {scenario}, {ratio.Listeners:#,0} {of}"),
            ratio.MeasuredDeliveriesPerSecond, ratio.BaselineDeliveriesPerSecond, unit, r => r >= MinBackplaneThroughputRatio);

    // More deliveries a second and less CPU per delivery, both.
    private static TargetCheck AheadOfSignalR(string scenario, string of, FanOutRatio ratio)
    {
        var target = Invariant($"ahead of SignalR (more per second, less CPU per delivery): {scenario}, {ratio.Listeners:#,0} {of}");
        return ratio is { ThroughputRatio: { } rate, CpuRatio: { } cpu }
            ? new(target, Invariant($"AspireChat / SignalR: per second {rate}x, CPU per delivery {cpu}x"), rate > 1 && cpu < 1 ? Met : Missed)
            : new(target, "-", NotRun);
    }

    private static IEnumerable<TargetCheck> CeilingCpu(IReadOnlyList<FanOutRatio> ratios)
    {
        var checks = ratios.Where(r => r.Listeners >= CeilingCpuFromListeners).Select(r =>
            Compare(Invariant($"server CPU per delivery <= {MaxCeilingCpuRatio:0.###}x the ceiling's (>= 0.95 of its efficiency): fan-out, {r.Listeners:#,0} listeners"),
                r.MeasuredMicrosecondsPerDelivery, r.BaselineMicrosecondsPerDelivery, "µs", x => x <= MaxCeilingCpuRatio)).ToList();
        return checks.Count > 0 ? checks : [new(Invariant($"server CPU per delivery <= {MaxCeilingCpuRatio:0.###}x the ceiling's at {CeilingCpuFromListeners} listeners and more"), "-", NotRun)];
    }

    private static TargetCheck CeilingP999(PerServer<LatencyResult> run) =>
        Compare(Invariant($"p99.9 <= {MaxCeilingP999Ratio}x the ceiling's: {run.InMemory.Listeners:#,0} listeners x {run.InMemory.RatePerSecond:#,0.##} msg/s"),
            run.InMemory.P999, run.Ceiling.P999, "ms", r => r <= MaxCeilingP999Ratio);
}
