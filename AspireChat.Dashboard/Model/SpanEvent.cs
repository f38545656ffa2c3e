namespace AspireChat.Dashboard.Model;

internal sealed record SpanEvent(string Name, DateTimeOffset Timestamp, IReadOnlyList<Attribute> Attributes);
