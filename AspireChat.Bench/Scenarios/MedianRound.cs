namespace AspireChat.Bench.Scenarios;

// Each server's median round of one scenario at one size, by the figure that matters for it: a
// whole measured row, never one made of several rounds' figures. With an even number of rounds,
// the lower of the two middle ones.
internal static class MedianRound
{
    public static PerServer<T> Of<T>(IReadOnlyList<PerServer<T>> rounds, Func<T, double?> by) =>
        new(Median(rounds.Select(r => r.InMemory), by), Median(rounds.Select(r => r.Ceiling), by), Median(rounds.Select(r => r.SignalR), by), Median(rounds.Select(r => r.Backplane), by));

    // A round with no figure (its server's CPU could not be read, no latency recorded: null or
    // NaN) sorts last, so it never passes for the best.
    private static T Median<T>(IEnumerable<T> results, Func<T, double?> by)
    {
        var sorted = results.OrderBy(r => by(r) is { } figure && !double.IsNaN(figure) ? figure : double.PositiveInfinity).ToList();
        return sorted[(sorted.Count - 1) / 2];
    }
}
