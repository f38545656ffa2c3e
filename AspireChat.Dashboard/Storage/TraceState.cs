using AspireChat.Dashboard.Model;

namespace AspireChat.Dashboard.Storage;

// The spans of one trace, each once (an exporter may retry a batch), at most a set number, with
// the summary the trace list shows kept up to date as spans arrive.
internal sealed class TraceState(string traceId)
{
    private readonly Dictionary<string, Span> _spans = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resources = new(StringComparer.OrdinalIgnoreCase);
    private DateTimeOffset _start = DateTimeOffset.MaxValue;
    private DateTimeOffset _end = DateTimeOffset.MinValue;
    private int _errors;
    private TraceSummary? _summary;

    public IEnumerable<Span> Spans => _spans.Values;

    public bool HasResource(Func<TelemetryResource, bool> match) => _spans.Values.Any(s => match(s.Resource));

    public bool TryAdd(Span span, int capacity)
    {
        if (_spans.Count >= capacity || !_spans.TryAdd(span.SpanId, span))
        {
            return false;
        }
        _resources.Add(span.Resource.ServiceName);
        _start = span.Start < _start ? span.Start : _start;
        _end = span.End > _end ? span.End : _end;
        _errors += span.IsError ? 1 : 0;
        _summary = null;
        return true;
    }

    // Named by its root span (or the earliest whose parent has not arrived).
    public TraceSummary Summary => _summary ??= Summarize();

    private TraceSummary Summarize()
    {
        var root = _spans.Values.Where(s => s.ParentSpanId is null || !_spans.ContainsKey(s.ParentSpanId)).MinBy(s => s.Start)!;
        return new TraceSummary(traceId, $"{root.Resource.ServiceName}: {root.Name}", _start, (_end - _start).TotalMilliseconds, [.. _resources], _spans.Count, _errors);
    }
}
