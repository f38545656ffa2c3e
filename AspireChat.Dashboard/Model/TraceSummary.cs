namespace AspireChat.Dashboard.Model;

// A trace as the trace list shows it: its root (or earliest) span names it.
internal sealed record TraceSummary(
    string TraceId,
    string Name,
    DateTimeOffset Start,
    double DurationMs,
    IReadOnlyList<string> Resources,
    int SpanCount,
    int ErrorCount);
