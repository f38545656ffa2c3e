namespace AspireChat.Dashboard.Model;

internal sealed record Span(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    DateTimeOffset Start,
    DateTimeOffset End,
    TelemetryResource Resource,
    string Scope,
    bool IsError,
    string? StatusMessage,
    IReadOnlyList<Attribute> Attributes,
    IReadOnlyList<SpanEvent> Events)
{
    public double DurationMs => (End - Start).TotalMilliseconds;
}
