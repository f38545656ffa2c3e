using AspireChat.Dashboard.Model;

namespace AspireChat.Dashboard.Storage;

// The series of one instrument, each a bounded queue of points. Cumulative histograms become
// per-interval percentiles by subtracting the previous point's buckets.
internal sealed class InstrumentState(string meter, string description, string unit, string kind)
{
    private readonly Dictionary<string, (IReadOnlyList<Model.Attribute> Dimensions, Queue<MetricPoint> Points, HistogramBuckets? Last)> _series = new(StringComparer.Ordinal);

    public string Meter => meter;

    public void Add(MetricReading reading, int capacity)
    {
        var key = string.Join('\u001f', reading.Dimensions.Select(d => $"{d.Key}={d.Value}"));
        if (!_series.TryGetValue(key, out var series))
        {
            series = (reading.Dimensions, new Queue<MetricPoint>(), null);
        }
        var histogram = reading.Histogram is { } buckets ? Interval(buckets, series.Last) : null;
        // A histogram plots its interval's p90; a counter or gauge its value.
        series.Points.Enqueue(new MetricPoint(reading.Timestamp, histogram is null ? reading.Value : histogram.P90, histogram));
        if (series.Points.Count > capacity)
        {
            series.Points.Dequeue();
        }
        _series[key] = (series.Dimensions, series.Points, reading.Histogram);
    }

    public Instrument ToInstrument(TelemetryResource resource, string name) =>
        new(resource, meter, name, description, unit, kind, [.. _series.Values.Select(s => new MetricSeries(s.Dimensions, [.. s.Points]))]);

    private static HistogramValue Interval(HistogramBuckets current, HistogramBuckets? previous)
    {
        var counts = current.BucketCounts;
        var count = current.Count;
        var sum = current.Sum;
        if (current.IsCumulative && previous is not null && previous.StartTime == current.StartTime && previous.BucketCounts.Count == counts.Count)
        {
            counts = [.. counts.Select((c, i) => c - Math.Min(c, previous.BucketCounts[i]))];
            count -= Math.Min(count, previous.Count);
            sum -= previous.Sum;
        }
        return new HistogramValue(
            count,
            sum,
            HistogramBuckets.Percentile(counts, current.Bounds, current.Min, current.Max, 0.50),
            HistogramBuckets.Percentile(counts, current.Bounds, current.Min, current.Max, 0.90),
            HistogramBuckets.Percentile(counts, current.Bounds, current.Min, current.Max, 0.99));
    }
}
