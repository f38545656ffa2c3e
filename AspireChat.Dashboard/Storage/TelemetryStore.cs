using AspireChat.Dashboard.Configuration;
using AspireChat.Dashboard.Model;
using Microsoft.Extensions.Options;

namespace AspireChat.Dashboard.Storage;

// Everything received over OTLP, in memory and bounded (Dashboard:TelemetryLimits): the oldest
// logs and traces go first, and each metric series keeps its latest points. One lock guards it
// all; readers get copies, and subscribers hear which kinds changed.
internal sealed class TelemetryStore(IOptions<DashboardOptions> options)
{
    private readonly Lock _lock = new();
    private readonly TelemetryLimitOptions _limits = options.Value.TelemetryLimits;
    private readonly LinkedList<LogEntry> _logs = new();
    private readonly Dictionary<string, TraceState> _traces = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _traceOrder = new();
    private readonly Dictionary<(TelemetryResource Resource, string Name), InstrumentState> _instruments = [];
    private readonly HashSet<TelemetryResource> _resources = [];
    private readonly List<Action<TelemetryKind>> _subscribers = [];
    private long _nextLogId;

    public IReadOnlyList<TelemetryResource> GetResources()
    {
        lock (_lock)
        {
            return [.. _resources.OrderBy(r => r.ServiceName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.InstanceId, StringComparer.Ordinal)];
        }
    }

    public void AddLogs(IEnumerable<LogEntry> entries)
    {
        lock (_lock)
        {
            foreach (var entry in entries)
            {
                _resources.Add(entry.Resource);
                _logs.AddLast(entry with { Id = ++_nextLogId });
                if (_logs.Count > _limits.MaxLogCount)
                {
                    _logs.RemoveFirst();
                }
            }
        }
        Notify(TelemetryKind.Logs);
    }

    public IReadOnlyList<LogEntry> GetLogs(LogQuery query)
    {
        lock (_lock)
        {
            var result = new List<LogEntry>();
            for (var node = _logs.Last; node is not null && result.Count < query.Limit; node = node.Previous)
            {
                var entry = node.Value;
                if (entry.SeverityNumber >= query.MinSeverityNumber
                    && IsResource(entry.Resource, query.Resource)
                    && (query.TraceId is null || entry.TraceId == query.TraceId)
                    && (string.IsNullOrEmpty(query.Text) || entry.Message.Contains(query.Text, StringComparison.OrdinalIgnoreCase) || entry.Category.Contains(query.Text, StringComparison.OrdinalIgnoreCase)))
                {
                    result.Add(entry);
                }
            }
            // Newest first by time: exporters' batches arrive out of step with each other.
            return [.. result.OrderByDescending(e => e.Timestamp)];
        }
    }

    public void AddSpans(IEnumerable<Span> spans)
    {
        lock (_lock)
        {
            foreach (var span in spans)
            {
                _resources.Add(span.Resource);
                if (!_traces.TryGetValue(span.TraceId, out var trace))
                {
                    trace = new TraceState(span.TraceId);
                    _traces[span.TraceId] = trace;
                    _traceOrder.AddLast(span.TraceId);
                    if (_traceOrder.Count > _limits.MaxTraceCount)
                    {
                        _traces.Remove(_traceOrder.First!.Value);
                        _traceOrder.RemoveFirst();
                    }
                }
                trace.TryAdd(span, _limits.MaxSpansPerTrace);
            }
        }
        Notify(TelemetryKind.Traces);
    }

    // Newest first: traces with a span of the resource, whose spans' names contain the text.
    public IReadOnlyList<TraceSummary> GetTraces(string? resource = null, string? text = null, int limit = 500)
    {
        lock (_lock)
        {
            var result = new List<TraceSummary>();
            for (var node = _traceOrder.Last; node is not null && result.Count < limit; node = node.Previous)
            {
                var trace = _traces[node.Value];
                if ((string.IsNullOrEmpty(resource) || trace.HasResource(r => IsResource(r, resource)))
                    && (string.IsNullOrEmpty(text) || trace.Spans.Any(s => s.Name.Contains(text, StringComparison.OrdinalIgnoreCase))))
                {
                    result.Add(trace.Summary);
                }
            }
            return [.. result.OrderByDescending(t => t.Start)];
        }
    }

    public IReadOnlyList<Span>? GetTrace(string traceId)
    {
        lock (_lock)
        {
            return _traces.TryGetValue(traceId, out var trace) ? [.. trace.Spans.OrderBy(s => s.Start)] : null;
        }
    }

    public void AddMetrics(IEnumerable<MetricReading> readings)
    {
        lock (_lock)
        {
            foreach (var reading in readings)
            {
                _resources.Add(reading.Resource);
                if (!_instruments.TryGetValue((reading.Resource, reading.Name), out var instrument))
                {
                    instrument = new InstrumentState(reading.Meter, reading.Description, reading.Unit, reading.Kind);
                    _instruments[(reading.Resource, reading.Name)] = instrument;
                }
                instrument.Add(reading, _limits.MaxMetricsCount);
            }
        }
        Notify(TelemetryKind.Metrics);
    }

    public IReadOnlyList<Instrument> GetInstruments(string? resource = null, string? name = null)
    {
        lock (_lock)
        {
            return [.. _instruments
                .Where(i => IsResource(i.Key.Resource, resource) && (name is null || i.Key.Name == name))
                .OrderBy(i => i.Key.Resource.ServiceName, StringComparer.OrdinalIgnoreCase).ThenBy(i => i.Value.Meter).ThenBy(i => i.Key.Name)
                .Select(i => i.Value.ToInstrument(i.Key.Resource, i.Key.Name))];
        }
    }

    // Calls back (never under the store's lock) with the kinds that changed, until disposed.
    public IDisposable Subscribe(Action<TelemetryKind> changed)
    {
        lock (_lock)
        {
            _subscribers.Add(changed);
        }
        return new Subscription(() =>
        {
            lock (_lock)
            {
                _subscribers.Remove(changed);
            }
        });
    }

    internal void Notify(TelemetryKind kind)
    {
        if (kind == TelemetryKind.None)
        {
            return;
        }
        Action<TelemetryKind>[] subscribers;
        lock (_lock)
        {
            subscribers = [.. _subscribers];
        }
        foreach (var subscriber in subscribers)
        {
            subscriber(kind);
        }
    }

    private static bool IsResource(TelemetryResource candidate, string? resource) =>
        string.IsNullOrEmpty(resource)
        || string.Equals(candidate.ServiceName, resource, StringComparison.OrdinalIgnoreCase)
        || string.Equals(candidate.ToString(), resource, StringComparison.OrdinalIgnoreCase);

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
