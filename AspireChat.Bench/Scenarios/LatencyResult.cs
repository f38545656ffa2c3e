namespace AspireChat.Bench.Scenarios;

// Send-to-receive latency in milliseconds, over every delivery.
internal sealed record LatencyResult(
    string Target,
    int Listeners,
    double RatePerSecond,
    long Sent,
    long Deliveries,
    long Lost,
    double P50,
    double P90,
    double P99,
    double P999,
    double Max);
