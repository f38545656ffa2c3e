namespace AspireChat.Dashboard.Model;

// The readings of one instrument for one set of attribute values.
internal sealed record MetricSeries(IReadOnlyList<Attribute> Dimensions, IReadOnlyList<MetricPoint> Points);
