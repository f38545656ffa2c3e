using System.Globalization;
using AspireChat.Dashboard.Configuration;
using AspireChat.Dashboard.Model;
using AspireChat.Dashboard.Storage;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Microsoft.Extensions.Options;

namespace AspireChat.Dashboard.Otlp;

// Turns OTLP requests, from gRPC or HTTP alike, into the dashboard's own model and stores them:
// proto types stop here. Attributes are capped in number and length (Dashboard:TelemetryLimits).
internal sealed class OtlpIngestion(TelemetryStore store, IOptions<DashboardOptions> options)
{
    private readonly TelemetryLimitOptions _limits = options.Value.TelemetryLimits;

    // Converted before the store takes its lock, so readers wait only for the insert.
    public void Ingest(Proto.ExportTraceServiceRequest request) =>
        store.AddSpans((
            from resourceSpans in request.ResourceSpans
            let resource = ResourceOf(resourceSpans.Resource)
            from scopeSpans in resourceSpans.ScopeSpans
            from span in scopeSpans.Spans
            select ToSpan(span, resource, scopeSpans.Scope?.Name ?? "")).ToList());

    public void Ingest(Proto.ExportLogsServiceRequest request) =>
        store.AddLogs((
            from resourceLogs in request.ResourceLogs
            let resource = ResourceOf(resourceLogs.Resource)
            from scopeLogs in resourceLogs.ScopeLogs
            from record in scopeLogs.LogRecords
            select ToLogEntry(record, resource, scopeLogs.Scope?.Name ?? "")).ToList());

    public void Ingest(Proto.ExportMetricsServiceRequest request) =>
        store.AddMetrics((
            from resourceMetrics in request.ResourceMetrics
            let resource = ResourceOf(resourceMetrics.Resource)
            from scopeMetrics in resourceMetrics.ScopeMetrics
            from metric in scopeMetrics.Metrics
            from reading in ToReadings(metric, resource, scopeMetrics.Scope?.Name ?? "")
            select reading).ToList());

    private static TelemetryResource ResourceOf(Proto.Resource? resource)
    {
        string? name = null, instance = null;
        foreach (var attribute in resource?.Attributes ?? [])
        {
            switch (attribute.Key)
            {
                case "service.name":
                    name = attribute.Value?.StringValue;
                    break;
                case "service.instance.id":
                    instance = attribute.Value?.StringValue;
                    break;
            }
        }
        return new TelemetryResource(string.IsNullOrEmpty(name) ? "unknown_service" : name, instance ?? "");
    }

    private Model.Span ToSpan(Proto.Span span, TelemetryResource resource, string scope) => new(
        Hex(span.TraceId),
        Hex(span.SpanId),
        span.ParentSpanId.IsEmpty ? null : Hex(span.ParentSpanId),
        span.Name,
        span.Kind switch
        {
            Proto.Span.Types.SpanKind.Server => "Server",
            Proto.Span.Types.SpanKind.Client => "Client",
            Proto.Span.Types.SpanKind.Producer => "Producer",
            Proto.Span.Types.SpanKind.Consumer => "Consumer",
            _ => "Internal",
        },
        FromUnixNano(span.StartTimeUnixNano),
        FromUnixNano(Math.Max(span.EndTimeUnixNano, span.StartTimeUnixNano)),
        resource,
        scope,
        span.Status?.Code == Proto.Status.Types.StatusCode.Error,
        string.IsNullOrEmpty(span.Status?.Message) ? null : span.Status.Message,
        Attributes(span.Attributes),
        [.. span.Events.Select(e => new SpanEvent(e.Name, FromUnixNano(e.TimeUnixNano), Attributes(e.Attributes)))]);

    private LogEntry ToLogEntry(Proto.LogRecord record, TelemetryResource resource, string scope)
    {
        var attributes = Attributes(record.Attributes);
        // The .NET exporter puts the formatted message in the body and the category in the scope name.
        var message = record.Body is null ? "" : Truncate(Text(record.Body));
        var category = attributes.FirstOrDefault(a => a.Key == "category")?.Value ?? scope;
        var time = record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano;
        return new LogEntry(
            0,
            FromUnixNano(time),
            resource,
            Severity((int)record.SeverityNumber, record.SeverityText),
            (int)record.SeverityNumber,
            category,
            message,
            attributes,
            record.TraceId.IsEmpty ? null : Hex(record.TraceId),
            record.SpanId.IsEmpty ? null : Hex(record.SpanId));
    }

    private IEnumerable<MetricReading> ToReadings(Proto.Metric metric, TelemetryResource resource, string meter)
    {
        switch (metric.DataCase)
        {
            case Proto.Metric.DataOneofCase.Gauge:
                foreach (var point in metric.Gauge.DataPoints)
                {
                    yield return Reading(metric, resource, meter, "Gauge", point.Attributes, point.TimeUnixNano, Number(point), null);
                }
                break;
            case Proto.Metric.DataOneofCase.Sum:
                var kind = metric.Sum.IsMonotonic ? "Counter" : "UpDownCounter";
                foreach (var point in metric.Sum.DataPoints)
                {
                    yield return Reading(metric, resource, meter, kind, point.Attributes, point.TimeUnixNano, Number(point), null);
                }
                break;
            case Proto.Metric.DataOneofCase.Histogram:
                var cumulative = metric.Histogram.AggregationTemporality == Proto.AggregationTemporality.Cumulative;
                foreach (var point in metric.Histogram.DataPoints)
                {
                    var buckets = new HistogramBuckets(point.Count, point.HasSum ? point.Sum : 0, [.. point.BucketCounts], [.. point.ExplicitBounds],
                        point.HasMin ? point.Min : null, point.HasMax ? point.Max : null, cumulative, FromUnixNano(point.StartTimeUnixNano));
                    yield return Reading(metric, resource, meter, "Histogram", point.Attributes, point.TimeUnixNano, point.Count, buckets);
                }
                break;
        }
    }

    private MetricReading Reading(Proto.Metric metric, TelemetryResource resource, string meter, string kind, RepeatedField<Proto.KeyValue> attributes, ulong time, double value, HistogramBuckets? histogram) =>
        new(resource, meter, metric.Name, metric.Description, metric.Unit, kind, Attributes(attributes), FromUnixNano(time), value, histogram);

    private static double Number(Proto.NumberDataPoint point) =>
        point.ValueCase == Proto.NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble;

    private List<Model.Attribute> Attributes(RepeatedField<Proto.KeyValue> attributes) =>
        [.. attributes.Take(_limits.MaxAttributeCount).Select(a => new Model.Attribute(a.Key, Truncate(a.Value is null ? "" : Text(a.Value))))];

    private string Truncate(string text) => text.Length <= _limits.MaxAttributeLength ? text : text[.._limits.MaxAttributeLength];

    private static string Text(Proto.AnyValue value) => value.ValueCase switch
    {
        Proto.AnyValue.ValueOneofCase.StringValue => value.StringValue,
        Proto.AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        Proto.AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        Proto.AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
        Proto.AnyValue.ValueOneofCase.ArrayValue => $"[{string.Join(", ", value.ArrayValue.Values.Select(Text))}]",
        Proto.AnyValue.ValueOneofCase.KvlistValue => $"{{{string.Join(", ", value.KvlistValue.Values.Select(kv => $"{kv.Key}: {(kv.Value is null ? "" : Text(kv.Value))}"))}}}",
        Proto.AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        _ => "",
    };

    // OTLP's severity ranges, with .NET's level names.
    private static string Severity(int number, string text) => number switch
    {
        >= 21 => "Critical",
        >= 17 => "Error",
        >= 13 => "Warning",
        >= 9 => "Information",
        >= 5 => "Debug",
        >= 1 => "Trace",
        _ => string.IsNullOrEmpty(text) ? "Information" : text,
    };

    private static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);

    private static DateTimeOffset FromUnixNano(ulong nanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(nanoseconds / 100));
}
