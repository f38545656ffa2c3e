namespace AspireChat.Tests.Infrastructure;

// One span as the dashboard shows it; attribute values as their OTLP JSON.
public sealed record DashboardSpan(string Resource, string Name, string TraceId, string SpanId, string? ParentSpanId, IReadOnlyDictionary<string, string> Attributes);
