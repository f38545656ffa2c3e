namespace AspireChat.Bench.Reporting;

// Every ratio the bench reports reads the same way: the measured server's figure ÷ its
// baseline's, at the same load. The measured server is AspireChat (against the ceiling or the
// SignalR hub) or the backplane (against the in-memory service). So above 1 means more
// deliveries a second (better), or more server CPU per delivery and longer latency (worse).
internal static class Ratio
{
    // Null when either figure is missing, or the baseline's is zero or not a number.
    public static double? Of(double? measured, double? baseline) =>
        measured is { } m && !double.IsNaN(m) && baseline is { } b && b > 0 ? Math.Round(m / b, 2) : null;
}
