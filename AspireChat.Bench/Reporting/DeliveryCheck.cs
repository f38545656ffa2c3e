using AspireChat.Bench.Scenarios;
using static System.FormattableString;

namespace AspireChat.Bench.Reporting;

// A run that lost, duplicated or reordered a delivery fails, whatever its figures: the bench
// then exits with NotExactExitCode, so that a script or a test cannot take its tables for a pass.
internal static class DeliveryCheck
{
    public const int NotExactExitCode = 2;

    // 0 when every delivery was exact; otherwise NotExactExitCode, after a line on standard
    // error for each run that was not.
    public static int ExitCode(IEnumerable<IDeliveryCounts> runs, TextWriter error)
    {
        var faults = runs.Where(r => r.Lost > 0 || r.Duplicates > 0 || r.OutOfOrder > 0 || r.Misdelivered > 0).ToList();
        foreach (var run in faults)
        {
            var misdelivered = run.Misdelivered > 0 ? Invariant($", misdelivered {run.Misdelivered}") : "";
            error.WriteLine(Invariant($"Not exact: {run.Target}, {run.Listeners:#,0} listeners: lost {run.Lost}, duplicates {run.Duplicates}, out of order {run.OutOfOrder}{misdelivered}."));
        }
        return faults.Count == 0 ? 0 : NotExactExitCode;
    }
}
