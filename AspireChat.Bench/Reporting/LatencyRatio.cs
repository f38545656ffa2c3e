using AspireChat.Bench.Scenarios;

namespace AspireChat.Bench.Reporting;

// A latency run against its baseline's at the same steady rate, measured ÷ baseline (Ratio): p50
// and p99, and server CPU per delivery. Deliveries per second are the schedule's, the same for
// both unless one loses messages.
internal sealed record LatencyRatio(
    int Listeners,
    double RatePerSecond,
    double? P50Ratio,
    double? P99Ratio,
    double? MeasuredMicrosecondsPerDelivery,
    double? BaselineMicrosecondsPerDelivery,
    double? CpuRatio)
{
    public static LatencyRatio Of(LatencyResult measured, LatencyResult baseline) => new(
        measured.Listeners,
        measured.RatePerSecond,
        Ratio.Of(measured.P50, baseline.P50),
        Ratio.Of(measured.P99, baseline.P99),
        measured.ServerMicrosecondsPerDelivery,
        baseline.ServerMicrosecondsPerDelivery,
        Ratio.Of(measured.ServerMicrosecondsPerDelivery, baseline.ServerMicrosecondsPerDelivery));
}
