using System.Text.Json;
using AspireChat.Bench.Scenarios;

namespace AspireChat.Bench.Reporting;

// Everything one run measured, as written to JSON. FanOut, Latency and Capacity hold every
// server's rows (the in-memory service, the ceiling, the SignalR hub, the backplane's replicas;
// the backplane has no capacity row), told apart by their target; FanOut and Latency are each
// server's median round, and every round is in FanOutRounds and LatencyRounds. DirectMessages
// likewise (the in-memory service, SignalR, the backplane; every round in DirectMessageRounds).
// Idle: each server's CPU at rest. Targets: the suite's own (SuiteTargets), beside the
// backplane's older ones. Every ratio is measured ÷ baseline (Ratio): AspireChat ÷ the ceiling or
// SignalR, the backplane ÷ in-memory.
internal sealed record SuiteReport(
    string Machine,
    DateTimeOffset StartedAt,
    int Rounds,
    IReadOnlyList<FanOutResult> FanOut,
    IReadOnlyList<FanOutRatio> CeilingRatios,
    IReadOnlyList<FanOutRatio> SignalRRatios,
    IReadOnlyList<FanOutRatio> BackplaneRatios,
    IReadOnlyList<LatencyResult> Latency,
    IReadOnlyList<LatencyRatio> SignalRLatencyRatios,
    IReadOnlyList<CapacityResult> Capacity,
    IReadOnlyList<TargetCheck> BackplaneTargets,
    IReadOnlyList<FanOutResult> FanOutRounds,
    IReadOnlyList<LatencyResult> LatencyRounds)
{
    public IReadOnlyList<DirectResult> DirectMessages { get; init; } = [];

    public IReadOnlyList<FanOutRatio> DirectSignalRRatios { get; init; } = [];

    public IReadOnlyList<FanOutRatio> DirectBackplaneRatios { get; init; } = [];

    public IReadOnlyList<DirectResult> DirectMessageRounds { get; init; } = [];

    public IReadOnlyList<IdleResult> Idle { get; init; } = [];

    public IReadOnlyList<TargetCheck> Targets { get; init; } = [];

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    // Every run whose deliveries were counted: every round of every server, and the capacity runs.
    public IEnumerable<IDeliveryCounts> CountedRuns() => [.. FanOutRounds, .. LatencyRounds, .. DirectMessageRounds, .. Capacity];

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, s_json, cancellationToken);
    }

    public static string DescribeMachine() =>
        $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:0.#} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
}
