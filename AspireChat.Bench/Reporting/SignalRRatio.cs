using AspireChat.Bench.Scenarios;

namespace AspireChat.Bench.Reporting;

// AspireChat (the in-memory service) against the SignalR hub at the same load, AspireChat ÷
// SignalR: deliveries per second (above 1: AspireChat delivers more), and server CPU per delivery
// (below 1: AspireChat spends less; the fairer figure, as the load generator shares the cores).
internal sealed record SignalRRatio(int Listeners, double AspireChatDeliveriesPerSecond, double SignalRDeliveriesPerSecond, double ThroughputRatio, double? AspireChatMicrosecondsPerDelivery, double? SignalRMicrosecondsPerDelivery, double? CpuRatio)
{
    public static SignalRRatio Of(FanOutResult aspireChat, FanOutResult signalR) => new(aspireChat.Listeners, aspireChat.DeliveriesPerSecond, signalR.DeliveriesPerSecond,
        signalR.DeliveriesPerSecond == 0 ? 0 : Math.Round(aspireChat.DeliveriesPerSecond / signalR.DeliveriesPerSecond, 2),
        aspireChat.ServerMicrosecondsPerDelivery, signalR.ServerMicrosecondsPerDelivery,
        signalR.ServerMicrosecondsPerDelivery is > 0 && aspireChat.ServerMicrosecondsPerDelivery is { } a ? Math.Round(a / signalR.ServerMicrosecondsPerDelivery.Value, 2) : null);
}
