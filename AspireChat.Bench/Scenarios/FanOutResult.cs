namespace AspireChat.Bench.Scenarios;

// Rates are over the sending window. Lost is summed per listener (accepted messages it never got);
// refused and failed sends are counted, not hidden.
internal sealed record FanOutResult(
    string Target,
    int Listeners,
    int Senders,
    int MessageSize,
    double SendSeconds,
    double DrainSeconds,
    long Accepted,
    long Refused,
    long Failed,
    double AcceptedPerSecond,
    long Deliveries,
    double DeliveriesPerSecond,
    long Lost,
    long OutOfOrder,
    long Duplicates,
    int DroppedListeners,
    double? ServerCpuSeconds,
    double? ServerMicrosecondsPerDelivery,
    double ClientCpuSeconds) : IDeliveryCounts;
