using AspireChat.Bench.Scenarios;

namespace AspireChat.Bench.Reporting;

// The direct messages' part of a suite run: every round at every size, each server's median round
// by server CPU per message, and the ratios to each baseline (measured ÷ baseline, as Ratio says;
// in them a user is a listener and a message one delivery).
internal sealed record DirectFigures(IReadOnlyList<DirectServers<DirectResult>> Rounds, IReadOnlyList<DirectServers<DirectResult>> Medians)
{
    public static DirectFigures Of(IEnumerable<IReadOnlyList<DirectServers<DirectResult>>> roundsBySize)
    {
        var bySize = roundsBySize.ToList();
        return new([.. bySize.SelectMany(rounds => rounds)], [.. bySize.Select(rounds => MedianRound.Of(rounds, r => r.ServerMicrosecondsPerMessage))]);
    }

    public IReadOnlyList<DirectResult> AllRows => [.. Rounds.SelectMany(r => r.All)];

    public IReadOnlyList<DirectResult> MedianRows => [.. Medians.SelectMany(r => r.All)];

    public IReadOnlyList<FanOutRatio> SignalRRatios => [.. Medians.Select(r => FanOutRatio.Of(r.InMemory, r.SignalR))];

    // The replicas and their redis-server against the one in-memory service.
    public IReadOnlyList<FanOutRatio> BackplaneRatios => [.. Medians.Select(r => FanOutRatio.Of(r.Backplane, r.InMemory))];

    public void Print(SuiteOptions options, TextWriter console) => Print(options.DirectDuration, options.MessageSize, options.Replicas, console);

    public void Print(TimeSpan duration, int size, int replicas, TextWriter console)
    {
        var title = $"Direct messages: every user listens and sends to random others at full speed for {duration.TotalSeconds} s, {size}-character messages";
        const string ratios = "messages per second, server CPU per message (measured ÷ baseline; Listeners: users)";
        ResultTable.Print($"{title}, every round", AllRows, console);
        ResultTable.Print($"{title}, each server's median round by server CPU per message", MedianRows, console);
        ResultTable.Print($"Direct messages, AspireChat / SignalR: {ratios}", SignalRRatios, console);
        ResultTable.Print($"Direct messages, backplane ({replicas} replicas + Redis) / in-memory: {ratios}", BackplaneRatios, console);
    }
}
