using AspireChat.Bench.Reporting;
using static System.FormattableString;

namespace AspireChat.Bench.Web;

// The web page's targets on these 2 cores, in one run: 50 pages joined, none lost or doubled;
// the page's p99 within 2× of a gRPC listener's p99 in the same run; the web app's memory per
// connected page measured.
internal static class WebTargets
{
    public const int Pages = 50;
    public const double P99Ratio = 2;

    public static IReadOnlyList<TargetCheck> Check(WebRun run, WebAppCost cost) =>
    [
        new(Invariant($"{Pages} pages joined, none lost or doubled"), Invariant($"{run.Pages} pages, lost {run.Lost}, duplicates {run.Duplicates}"),
            run.Lost > 0 || run.Duplicates > 0 ? "missed" : run.Pages >= Pages ? "met" : "not run"),
        new(Invariant($"page p99 ≤ {P99Ratio}× gRPC listener p99"), Invariant($"{run.PageP99} ms ÷ {run.ListenerP99} ms = {run.P99Ratio}"),
            run.P99Ratio is { } ratio ? (ratio <= P99Ratio ? "met" : "missed") : "not run"),
        new("web app memory per connected page measured", cost.RssPerPageKiB is { } kib ? Invariant($"{kib} KiB RSS") : "-",
            cost.RssPerPageKiB is null ? "not run" : "met"),
    ];
}
