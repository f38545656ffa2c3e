namespace AspireChat.Dashboard.Model;

// A metric instrument of one resource, with its series.
internal sealed record Instrument(
    TelemetryResource Resource,
    string Meter,
    string Name,
    string Description,
    string Unit,
    string Kind,
    IReadOnlyList<MetricSeries> Series);
