namespace AspireChat.Bench.Web;

// Latency percentiles in milliseconds over a set of samples, taken as LatencyScenario takes them
// (NaN when there are none).
internal sealed record Percentiles(double P50, double P99, double P999, double Max)
{
    public static Percentiles Of(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return new(AtSorted(sorted, 0.50), AtSorted(sorted, 0.99), AtSorted(sorted, 0.999), sorted.Length == 0 ? double.NaN : Math.Round(sorted[^1], 2));
    }

    public static double At(IEnumerable<double> samples, double percentile) => AtSorted([.. samples.Order()], percentile);

    private static double AtSorted(double[] sorted, double percentile) =>
        sorted.Length == 0 ? double.NaN : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)(percentile * sorted.Length))], 2);
}
