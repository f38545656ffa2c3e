using AspireChat.Dashboard.Model;

namespace AspireChat.Dashboard.Storage;

// One data point of one instrument, as ingestion hands it to the store.
internal sealed record MetricReading(
    TelemetryResource Resource,
    string Meter,
    string Name,
    string Description,
    string Unit,
    string Kind,
    IReadOnlyList<Model.Attribute> Dimensions,
    DateTimeOffset Timestamp,
    double Value,
    HistogramBuckets? Histogram);
