namespace AspireChat.Dashboard.Model;

// A structured log record, as the UI shows it.
internal sealed record LogEntry(
    long Id,
    DateTimeOffset Timestamp,
    TelemetryResource Resource,
    string Severity,
    int SeverityNumber,
    string Category,
    string Message,
    IReadOnlyList<Attribute> Attributes,
    string? TraceId,
    string? SpanId);
