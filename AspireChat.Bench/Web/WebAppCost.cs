namespace AspireChat.Bench.Web;

// What the web app's process cost: resident memory before any page connected (it had served its
// page once) and with every page joined, the difference per page; its CPU time from the first send
// until every page had rendered every message, per rendered line and per page each second.
internal sealed record WebAppCost(
    double? RssBeforeMiB,
    double? RssWithPagesMiB,
    double? RssPerPageKiB,
    double? CpuSeconds,
    double WindowSeconds,
    double? CpuMicrosecondsPerRenderedLine,
    double? CpuMillisecondsPerSecondPerPage);
