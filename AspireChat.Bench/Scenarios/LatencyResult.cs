namespace AspireChat.Bench.Scenarios;

// Send-to-receive latency in milliseconds, over every delivery, measured from each message's
// scheduled send time (so that a stall delays every message scheduled during it). Lost and
// duplicates are counted per listener, as in the fan-out; order is not: the sends of this open
// loop overlap, so a sender's messages have no order of their own to keep. Server CPU is from the
// first send to the end of the drain: at a steady rate, the same work for every server.
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
    long Duplicates,
    double P50,
    double P90,
    double P99,
    double P999,
    double Max,
    double? ServerCpuSeconds,
    double? ServerMicrosecondsPerDelivery) : IDeliveryCounts
{
    // The sends of this open loop overlap: a sender's messages have no order of their own to keep.
    long IDeliveryCounts.OutOfOrder => 0;
}
