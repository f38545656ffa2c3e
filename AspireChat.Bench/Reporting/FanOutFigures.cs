using AspireChat.Bench.Scenarios;

namespace AspireChat.Bench.Reporting;

// The fan-out's part of a suite run: every round at every size, each server's median round by
// server CPU per delivery, and the ratios to each baseline (measured ÷ baseline, as Ratio says).
internal sealed record FanOutFigures(IReadOnlyList<PerServer<FanOutResult>> Rounds, IReadOnlyList<PerServer<FanOutResult>> Medians)
{
    public static FanOutFigures Of(IEnumerable<IReadOnlyList<PerServer<FanOutResult>>> roundsBySize)
    {
        var bySize = roundsBySize.ToList();
        return new([.. bySize.SelectMany(rounds => rounds)], [.. bySize.Select(rounds => MedianRound.Of(rounds, r => r.ServerMicrosecondsPerDelivery))]);
    }

    public IReadOnlyList<FanOutResult> AllRows => [.. Rounds.SelectMany(r => r.All)];

    public IReadOnlyList<FanOutResult> MedianRows => [.. Medians.SelectMany(r => r.All)];

    // AspireChat (the in-memory service) against the bare fan-out.
    public IReadOnlyList<FanOutRatio> CeilingRatios => [.. Medians.Select(r => FanOutRatio.Of(r.InMemory, r.Ceiling))];

    public IReadOnlyList<FanOutRatio> SignalRRatios => [.. Medians.Select(r => FanOutRatio.Of(r.InMemory, r.SignalR))];

    // The replicas and their redis-server against the one in-memory service.
    public IReadOnlyList<FanOutRatio> BackplaneRatios => [.. Medians.Select(r => FanOutRatio.Of(r.Backplane, r.InMemory))];

    public void Print(SuiteOptions options, TextWriter console)
    {
        var title = $"Fan-out: {options.Senders} senders at full speed for {options.FanOutDuration.TotalSeconds} s, {options.MessageSize}-character messages";
        const string ratios = "deliveries per second, server CPU per delivery (measured ÷ baseline)";
        ResultTable.Print($"{title}, every round", AllRows, console);
        ResultTable.Print($"{title}, each server's median round by server CPU per delivery", MedianRows, console);
        ResultTable.Print($"AspireChat / ceiling: {ratios}", CeilingRatios, console);
        ResultTable.Print($"AspireChat / SignalR: {ratios}", SignalRRatios, console);
        ResultTable.Print($"Backplane ({options.Replicas} replicas + Redis) / in-memory: {ratios}", BackplaneRatios, console);
    }
}
