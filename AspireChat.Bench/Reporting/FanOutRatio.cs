using AspireChat.Bench.Scenarios;

namespace AspireChat.Bench.Reporting;

// A fan-out against its baseline's at the same size, measured ÷ baseline (Ratio): deliveries per
// second, and server CPU per delivery (the fairer figure: the load generator shares the cores).
internal sealed record FanOutRatio(
    int Listeners,
    double MeasuredDeliveriesPerSecond,
    double BaselineDeliveriesPerSecond,
    double? ThroughputRatio,
    double? MeasuredMicrosecondsPerDelivery,
    double? BaselineMicrosecondsPerDelivery,
    double? CpuRatio)
{
    public static FanOutRatio Of(FanOutResult measured, FanOutResult baseline) => new(
        measured.Listeners,
        measured.DeliveriesPerSecond,
        baseline.DeliveriesPerSecond,
        Ratio.Of(measured.DeliveriesPerSecond, baseline.DeliveriesPerSecond),
        measured.ServerMicrosecondsPerDelivery,
        baseline.ServerMicrosecondsPerDelivery,
        Ratio.Of(measured.ServerMicrosecondsPerDelivery, baseline.ServerMicrosecondsPerDelivery));
}
