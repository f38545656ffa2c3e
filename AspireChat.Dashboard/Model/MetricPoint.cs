namespace AspireChat.Dashboard.Model;

// One reading of a series: a number for counters and gauges; count, sum and percentiles for histograms.
// Value is null for a histogram interval with no samples (nothing to plot).
internal sealed record MetricPoint(DateTimeOffset Timestamp, double? Value, HistogramValue? Histogram);
