using AspireChat.Bench.Scenarios;

namespace AspireChat.Bench.Reporting;

// AspireChat against the bare fan-out at the same load: deliveries per second, and server CPU per
// delivery (the fairer figure: the load generator shares the cores and is not the same for both).
internal sealed record CeilingRatio(int Listeners, double AspireChatDeliveriesPerSecond, double CeilingDeliveriesPerSecond, double ThroughputRatio, double? AspireChatMicrosecondsPerDelivery, double? CeilingMicrosecondsPerDelivery, double? CpuRatio)
{
    public static CeilingRatio Of(FanOutResult mine, FanOutResult bare) => new(mine.Listeners, mine.DeliveriesPerSecond, bare.DeliveriesPerSecond,
        bare.DeliveriesPerSecond == 0 ? 0 : Math.Round(mine.DeliveriesPerSecond / bare.DeliveriesPerSecond, 2),
        mine.ServerMicrosecondsPerDelivery, bare.ServerMicrosecondsPerDelivery,
        mine.ServerMicrosecondsPerDelivery is > 0 && bare.ServerMicrosecondsPerDelivery is { } b ? Math.Round(b / mine.ServerMicrosecondsPerDelivery.Value, 2) : null);
}
