namespace AspireChat.Bench.Reporting;

// AspireChat's deliveries per second over the bare fan-out's, at the same load.
internal sealed record CeilingRatio(int Listeners, double AspireChatDeliveriesPerSecond, double CeilingDeliveriesPerSecond, double Ratio);
