namespace AspireChat.Dashboard.Storage;

// A histogram data point as exported: bucket counts over explicit bounds, cumulative or delta.
internal sealed record HistogramBuckets(ulong Count, double Sum, IReadOnlyList<ulong> BucketCounts, IReadOnlyList<double> Bounds, double? Min, double? Max, bool IsCumulative, DateTimeOffset StartTime)
{
    // The percentile estimated by linear interpolation inside the bucket it falls in.
    public static double? Percentile(IReadOnlyList<ulong> counts, IReadOnlyList<double> bounds, double? min, double? max, double percentile)
    {
        ulong total = 0;
        foreach (var count in counts)
        {
            total += count;
        }
        if (total == 0 || bounds.Count == 0)
        {
            return null;
        }
        var target = percentile * total;
        double seen = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] == 0 || seen + counts[i] < target)
            {
                seen += counts[i];
                continue;
            }
            var lower = i == 0 ? Math.Min(min ?? 0, bounds[0]) : bounds[i - 1];
            var upper = i < bounds.Count ? bounds[i] : Math.Max(max ?? bounds[^1], bounds[^1]);
            return lower + (upper - lower) * ((target - seen) / counts[i]);
        }
        return max ?? bounds[^1];
    }
}
