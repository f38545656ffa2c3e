using System.Text.Json;
using AspireChat.Bench.Reporting;
using AspireChat.Bench.Scenarios;

namespace AspireChat.Bench.Web;

// Everything one web run measured, as printed and as written to JSON.
internal sealed record WebReport(
    string Machine,
    DateTimeOffset StartedAt,
    WebRun Run,
    WebAppCost WebApp,
    WindowCpu Cpu,
    LatencyResult Listeners,
    IReadOnlyList<PageResult> PerPage,
    IReadOnlyList<TargetCheck> Targets)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    // Every page, and the gRPC listeners: a loss or duplicate in any fails the run.
    public IEnumerable<IDeliveryCounts> CountedRuns() => [.. PerPage, Listeners];

    public void Print(TextWriter console)
    {
        ResultTable.Print("Per page: send to rendered (milliseconds)", PerPage, console);
        ResultTable.Print("gRPC listeners on chat, the same messages: send to received (milliseconds)", [Listeners], console);
        ResultTable.Print("Every page: send to rendered over all pages' samples, against the gRPC listeners (milliseconds; ratio: page p99 ÷ listener p99)", [Run], console);
        ResultTable.Print("The web app's process: resident memory before and with the pages, CPU from the first send until every page had every message", [WebApp], console);
        ResultTable.Print("CPU seconds in that window, by process (Renderers: the pages' Chromium renderers; Chromium: its browser, GPU and other processes; Driver: Playwright's; Bench: the sender and the gRPC listeners)", [Cpu], console);
        ResultTable.Print("Web page targets (2 cores)", Targets, console);
    }

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, s_json, cancellationToken);
    }
}
