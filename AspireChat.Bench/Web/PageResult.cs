using AspireChat.Bench.Scenarios;

namespace AspireChat.Bench.Web;

// One page (one person): lines rendered for the bench's messages, accepted messages it never
// rendered (and the first few of their numbers), messages it rendered more than once, and its send-to-rendered latency in
// milliseconds. Order is not counted: the sends of an open loop overlap, as in LatencyResult.
internal sealed record PageResult(string Page, long Rendered, long Lost, long Duplicates, double P50, double P99, double P999, double Max, string Missing) : IDeliveryCounts
{
    string IDeliveryCounts.Target => Page;

    int IDeliveryCounts.Listeners => 1;

    long IDeliveryCounts.OutOfOrder => 0;

    // A page's records against what was accepted: the first rendering of each message gives its
    // latency, from its scheduled send time; any further one is a duplicate.
    public static (PageResult Result, double[] LatenciesMs) Of(string page, IReadOnlyList<(long Seq, double RenderedUnixMs)> rendered, WebSchedule schedule)
    {
        var seen = new HashSet<long>();
        var latencies = new List<double>();
        long duplicates = 0;
        foreach (var (seq, at) in rendered)
        {
            if (!seen.Add(seq))
            {
                duplicates++;
                continue;
            }
            latencies.Add(at - schedule.SentUnixMs(seq));
        }
        var missing = schedule.AcceptedSeqs().Where(seq => !seen.Contains(seq)).ToList();
        var figures = Percentiles.Of(latencies);
        return (new PageResult(page, rendered.Count, missing.Count, duplicates, figures.P50, figures.P99, figures.P999, figures.Max, FirstFew(missing)), [.. latencies]);
    }

    // The first missing message numbers, to tell where in the run they went.
    private static string FirstFew(List<long> missing) =>
        missing.Count == 0 ? "" : string.Join(' ', missing.Take(5)) + (missing.Count > 5 ? " ..." : "");
}
