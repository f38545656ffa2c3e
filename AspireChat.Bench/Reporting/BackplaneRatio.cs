using AspireChat.Bench.Scenarios;

namespace AspireChat.Bench.Reporting;

// The chat service scaled out (replicas sharing one room through Redis) against the one
// in-memory service at the same load, backplane ÷ in-memory: deliveries per second (below 1: fewer),
// and server CPU per delivery (above 1: dearer; the backplane's is its replicas' and redis-server's).
internal sealed record BackplaneRatio(int Listeners, double InMemoryDeliveriesPerSecond, double BackplaneDeliveriesPerSecond, double ThroughputRatio, double? InMemoryMicrosecondsPerDelivery, double? BackplaneMicrosecondsPerDelivery, double? CpuRatio)
{
    public static BackplaneRatio Of(FanOutResult inMemory, FanOutResult backplane) => new(inMemory.Listeners, inMemory.DeliveriesPerSecond, backplane.DeliveriesPerSecond,
        inMemory.DeliveriesPerSecond == 0 ? 0 : Math.Round(backplane.DeliveriesPerSecond / inMemory.DeliveriesPerSecond, 2),
        inMemory.ServerMicrosecondsPerDelivery, backplane.ServerMicrosecondsPerDelivery,
        inMemory.ServerMicrosecondsPerDelivery is > 0 && backplane.ServerMicrosecondsPerDelivery is { } b ? Math.Round(b / inMemory.ServerMicrosecondsPerDelivery.Value, 2) : null);
}
