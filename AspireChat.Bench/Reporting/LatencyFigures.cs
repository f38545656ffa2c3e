using AspireChat.Bench.Scenarios;

namespace AspireChat.Bench.Reporting;

// The latency's part of a suite run: every round at every size, each server's median round by
// p99.9, and AspireChat's ratios to SignalR (measured ÷ baseline, as Ratio says).
internal sealed record LatencyFigures(IReadOnlyList<PerServer<LatencyResult>> Rounds, IReadOnlyList<PerServer<LatencyResult>> Medians)
{
    public static LatencyFigures Of(IEnumerable<IReadOnlyList<PerServer<LatencyResult>>> roundsBySize)
    {
        var bySize = roundsBySize.ToList();
        return new([.. bySize.SelectMany(rounds => rounds)], [.. bySize.Select(rounds => MedianRound.Of(rounds, r => r.P999))]);
    }

    public IReadOnlyList<LatencyResult> AllRows => [.. Rounds.SelectMany(r => r.All)];

    public IReadOnlyList<LatencyResult> MedianRows => [.. Medians.SelectMany(r => r.All)];

    public IReadOnlyList<LatencyRatio> SignalRRatios => [.. Medians.Select(r => LatencyRatio.Of(r.InMemory, r.SignalR))];

    public void Print(SuiteOptions options, TextWriter console)
    {
        var title = $"Latency: one sender at a steady rate for {options.LatencyDuration.TotalSeconds} s (milliseconds, send to receive)";
        ResultTable.Print($"{title}, every round", AllRows, console);
        ResultTable.Print($"{title}, each server's median round by p99.9", MedianRows, console);
        ResultTable.Print("AspireChat / SignalR latency: p50, p99, server CPU per delivery (measured ÷ baseline)", SignalRRatios, console);
    }
}
