namespace AspireChat.Bench.Scenarios;

// Direct messages: every user listens and sends, one recipient per message. Rates are over the
// sending window, CPU per accepted message. Each accepted message must reach its recipient once,
// in its sender's order: Lost counts those that never did, Misdelivered those that reached a
// user they were not sent to (or were refused and arrived all the same).
internal sealed record DirectResult(
    string Target,
    int Users,
    int MessageSize,
    double SendSeconds,
    double DrainSeconds,
    long Accepted,
    long Refused,
    long Failed,
    double MessagesPerSecond,
    long Delivered,
    long Lost,
    long OutOfOrder,
    long Duplicates,
    long Misdelivered,
    int DroppedListeners,
    double? ServerCpuSeconds,
    double? ServerMicrosecondsPerMessage,
    double ClientCpuSeconds) : IDeliveryCounts
{
    // Every user is a listener.
    int IDeliveryCounts.Listeners => Users;
}
