namespace AspireChat.Bench.Scenarios;

// Each server's median round of one scenario at one size, by the figure that matters for it: a
// whole measured row, never one made of several rounds' figures. With an even number of rounds,
// the lower of the two middle ones.
internal static class MedianRound
{
    public static PerServer<T> Of<T>(IReadOnlyList<PerServer<T>> rounds, Func<T, double?> by) =>
        PerServer<T>.Of(Of(rounds.Select(r => r.All).ToList(), by));

    public static DirectServers<T> Of<T>(IReadOnlyList<DirectServers<T>> rounds, Func<T, double?> by) =>
        DirectServers<T>.Of(Of(rounds.Select(r => r.All).ToList(), by));

    // Rounds of the same servers, each round's results in the servers' order: each server's median.
    private static T[] Of<T>(IReadOnlyList<IReadOnlyList<T>> rounds, Func<T, double?> by) =>
        [.. Enumerable.Range(0, rounds[0].Count).Select(server => Median(rounds.Select(r => r[server]), by))];

    // A round with no figure (its server's CPU could not be read, no latency recorded: null or
    // NaN) sorts last, so it never passes for the best.
    private static T Median<T>(IEnumerable<T> results, Func<T, double?> by)
    {
        var sorted = results.OrderBy(r => by(r) is { } figure && !double.IsNaN(figure) ? figure : double.PositiveInfinity).ToList();
        return sorted[(sorted.Count - 1) / 2];
    }
}
