namespace AspireChat.Bench.Reporting;

// AspireChat against the bare fan-out at the same load: deliveries per second, and server CPU per
// delivery (the fairer figure: the load generator shares the cores and is not the same for both).
internal sealed record CeilingRatio(int Listeners, double AspireChatDeliveriesPerSecond, double CeilingDeliveriesPerSecond, double ThroughputRatio, double? AspireChatMicrosecondsPerDelivery, double? CeilingMicrosecondsPerDelivery, double? CpuRatio);
