using AspireChat.Bench.Scenarios;

namespace AspireChat.Bench.Reporting;

// AspireChat (the in-memory service) against the SignalR hub at the same steady rate, AspireChat
// ÷ SignalR (below 1: AspireChat is faster, or cheaper): p50 and p99 latency, and server CPU per
// delivery. Deliveries per second are the schedule's, the same for both unless one loses messages.
internal sealed record SignalRLatencyRatio(int Listeners, double RatePerSecond, double P50Ratio, double P99Ratio, double? AspireChatMicrosecondsPerDelivery, double? SignalRMicrosecondsPerDelivery, double? CpuRatio)
{
    public static SignalRLatencyRatio Of(LatencyResult aspireChat, LatencyResult signalR) => new(aspireChat.Listeners, aspireChat.RatePerSecond,
        Ratio(aspireChat.P50, signalR.P50), Ratio(aspireChat.P99, signalR.P99),
        aspireChat.ServerMicrosecondsPerDelivery, signalR.ServerMicrosecondsPerDelivery,
        signalR.ServerMicrosecondsPerDelivery is > 0 && aspireChat.ServerMicrosecondsPerDelivery is { } a ? Math.Round(a / signalR.ServerMicrosecondsPerDelivery.Value, 2) : null);

    private static double Ratio(double aspireChat, double signalR) => signalR > 0 ? Math.Round(aspireChat / signalR, 2) : double.NaN;
}
