namespace AspireChat.Bench.Web;

// What the web app's process cost: resident memory before any page connected (it had served its
// page once), with one page joined and with every page, and what each page after the first added
// (the first also pays for what is done once: code compiled, caches filled); its CPU time from the first send
// until every page had rendered every message, per rendered line and per page each second.
internal sealed record WebAppCost(
    double? RssBeforeMiB,
    double? RssWithOnePageMiB,
    double? RssWithPagesMiB,
    double? RssPerPageKiB,
    double? CpuSeconds,
    double WindowSeconds,
    double? CpuMicrosecondsPerRenderedLine,
    double? CpuMillisecondsPerSecondPerPage);
