namespace AspireChat.Dashboard.Model;

// One reading of a series: a number for counters and gauges; count, sum and percentiles for histograms.
internal sealed record MetricPoint(DateTimeOffset Timestamp, double Value, HistogramValue? Histogram);
