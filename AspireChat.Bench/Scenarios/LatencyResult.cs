namespace AspireChat.Bench.Scenarios;

// Send-to-receive latency in milliseconds, over every delivery, measured from each message's
// scheduled send time (so that a stall delays every message scheduled during it). Missed: slots
// whose send had not even started on time.
internal sealed record LatencyResult(
    string Target,
    int Listeners,
    double RatePerSecond,
    long Scheduled,
    long Accepted,
    long Refused,
    long Failed,
    long Deliveries,
    long Lost,
    double P50,
    double P90,
    double P99,
    double P999,
    double Max);
