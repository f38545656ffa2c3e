using AspireChat.Bench.Scenarios;

namespace AspireChat.Bench.Reporting;

// A fan-out against its baseline's at the same size, measured ÷ baseline (Ratio): deliveries per
// second, and server CPU per delivery (the fairer figure: the load generator shares the cores).
// Also direct messages against their baseline's: there every user is a listener, and each
// message one delivery.
internal sealed record FanOutRatio(
    int Listeners,
    double MeasuredDeliveriesPerSecond,
    double BaselineDeliveriesPerSecond,
    double? ThroughputRatio,
    double? MeasuredMicrosecondsPerDelivery,
    double? BaselineMicrosecondsPerDelivery,
    double? CpuRatio)
{
    public static FanOutRatio Of(FanOutResult measured, FanOutResult baseline) =>
        Of(measured.Listeners, (measured.DeliveriesPerSecond, measured.ServerMicrosecondsPerDelivery), (baseline.DeliveriesPerSecond, baseline.ServerMicrosecondsPerDelivery));

    public static FanOutRatio Of(DirectResult measured, DirectResult baseline) =>
        Of(measured.Users, (measured.MessagesPerSecond, measured.ServerMicrosecondsPerMessage), (baseline.MessagesPerSecond, baseline.ServerMicrosecondsPerMessage));

    private static FanOutRatio Of(int listeners, (double PerSecond, double? CpuMicroseconds) measured, (double PerSecond, double? CpuMicroseconds) baseline) => new(
        listeners,
        measured.PerSecond,
        baseline.PerSecond,
        Ratio.Of(measured.PerSecond, baseline.PerSecond),
        measured.CpuMicroseconds,
        baseline.CpuMicroseconds,
        Ratio.Of(measured.CpuMicroseconds, baseline.CpuMicroseconds));
}
