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
        .. fanOut.BackplaneRatios.Select(r => BackplaneCpu(FanOut(r), "µs per delivery", r)),
        .. direct.BackplaneRatios.Select(r => BackplaneCpu(Direct(r), "µs per message", r)),
        .. fanOut.BackplaneRatios.Where(r => s_fewListeners.Contains(r.Listeners)).Select(r => BackplaneThroughput(FanOut(r), "deliveries/s", r)),
        .. direct.BackplaneRatios.Select(r => BackplaneThroughput(Direct(r), "messages/s", r)),
        .. rest.Check(),
        .. fanOut.SignalRRatios.Select(r => AheadOfSignalR(FanOut(r), r)),
        .. direct.SignalRRatios.Select(r => AheadOfSignalR(Direct(r), r)),
        .. CeilingCpu(fanOut.CeilingRatios),
        .. latency.Medians.Select(CeilingP999),
    ];

    // "a / b unit = r x" and its verdict (on the ratio before it is rounded to print), or
    // "not run" when either figure is missing.
    public static TargetCheck Compare(string target, double? measured, double? baseline, string unit, Func<double, bool> met) =>
        Ratio.Of(measured, baseline) is { } ratio && measured is { } m && baseline is { } b
            ? new(target, Invariant($"{m:#,0.##} / {b:#,0.##} {unit} = {ratio}x"), met(m / b) ? Met : Missed)
            : new(target, "-", NotRun);

    // Where a target was measured: the scenario and its size.
    public static string Sized(string scenario, int count, string unit) => Invariant($"{scenario}, {count:#,0} {unit}{(count == 1 ? "" : "s")}");

    private static string FanOut(FanOutRatio ratio) => Sized("fan-out", ratio.Listeners, "listener");

    private static string Direct(FanOutRatio ratio) => Sized("direct messages", ratio.Listeners, "user");

    // Per message or per delivery alike: in the fan-out, both servers deliver each message to
    // the same listeners.
    private static TargetCheck BackplaneCpu(string run, string unit, FanOutRatio ratio) =>
        Compare(Invariant($"backplane server CPU per message <= {MaxBackplaneCpuRatio}x in-memory: {run}"),
            ratio.MeasuredMicrosecondsPerDelivery, ratio.BaselineMicrosecondsPerDelivery, unit, r => r <= MaxBackplaneCpuRatio);

    private static TargetCheck BackplaneThroughput(string run, string unit, FanOutRatio ratio) =>
        Compare(Invariant($"backplane messages per second >= {MinBackplaneThroughputRatio}x in-memory: {run}"),
            ratio.MeasuredDeliveriesPerSecond, ratio.BaselineDeliveriesPerSecond, unit, r => r >= MinBackplaneThroughputRatio);

    // More deliveries a second and less CPU per delivery, both.
    private static TargetCheck AheadOfSignalR(string run, FanOutRatio ratio)
    {
        var target = Invariant($"ahead of SignalR (more per second, less CPU per delivery): {run}");
        return ratio is { ThroughputRatio: { } rate, CpuRatio: { } cpu }
            ? new(target, Invariant($"AspireChat / SignalR: per second {rate}x, CPU per delivery {cpu}x"), rate > 1 && cpu < 1 ? Met : Missed)
            : new(target, "-", NotRun);
    }

    private static IEnumerable<TargetCheck> CeilingCpu(IReadOnlyList<FanOutRatio> ratios)
    {
        var checks = ratios.Where(r => r.Listeners >= CeilingCpuFromListeners).Select(r =>
            Compare(Invariant($"server CPU per delivery <= {MaxCeilingCpuRatio:0.###}x the ceiling's (>= 0.95 of its efficiency): {FanOut(r)}"),
                r.MeasuredMicrosecondsPerDelivery, r.BaselineMicrosecondsPerDelivery, "µs", x => x <= MaxCeilingCpuRatio)).ToList();
        return checks.Count > 0 ? checks : [new(Invariant($"server CPU per delivery <= {MaxCeilingCpuRatio:0.###}x the ceiling's at {CeilingCpuFromListeners} listeners and more"), "-", NotRun)];
    }

    private static TargetCheck CeilingP999(PerServer<LatencyResult> run) =>
        Compare(Invariant($"p99.9 <= {MaxCeilingP999Ratio}x the ceiling's: {Sized("latency", run.InMemory.Listeners, "listener")} x {run.InMemory.RatePerSecond:#,0.##} msg/s"),
            run.InMemory.P999, run.Ceiling.P999, "ms", r => r <= MaxCeilingP999Ratio);
}
