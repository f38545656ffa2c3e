namespace AspireChat.Bench.Web;

// The run over every page at once: send-to-rendered latency over all the pages' samples, beside
// the gRPC listeners' send-to-received latency from the same messages, in milliseconds, and the
// page's p99 ÷ the listeners' p99 (Ratio: measured ÷ baseline).
internal sealed record WebRun(
    int Pages,
    int Listeners,
    double RatePerSecond,
    long Scheduled,
    long Accepted,
    long Refused,
    long Failed,
    long Rendered,
    long Lost,
    long Duplicates,
    double PageP50,
    double PageP99,
    double PageP999,
    double PageMax,
    double ListenerP50,
    double ListenerP99,
    double ListenerP999,
    double? P99Ratio);
