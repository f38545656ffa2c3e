namespace AspireChat.Bench.Scenarios;

internal sealed record FanOutResult(
    string Target,
    int Listeners,
    int Senders,
    int MessageSize,
    double Seconds,
    long Accepted,
    double AcceptedPerSecond,
    long Deliveries,
    double DeliveriesPerSecond,
    long Lost,
    long OutOfOrder,
    long Duplicates,
    int DroppedListeners,
    double? ServerCpuSeconds);
