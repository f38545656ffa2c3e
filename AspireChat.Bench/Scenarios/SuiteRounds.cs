using AspireChat.Bench.Servers;

namespace AspireChat.Bench.Scenarios;

// How the suite runs a scenario against its servers: in rounds, each round against every server
// in turn, a different one going first each round, so that none always runs on a warmer or a
// busier machine. A round's results are in the servers' order.
internal static class SuiteRounds
{
    // Every round at every size, in the order of the sizes.
    public static async Task<List<IReadOnlyList<TRound>>> RoundsAsync<TTarget, T, TRound>(
        IReadOnlyList<MeasuredServer<TTarget>> servers, Func<IReadOnlyList<T>, TRound> round, IEnumerable<int> sizes, int roundsPerSize,
        Func<int, TTarget, ServerProcess, Task<T>> scenario)
        where TTarget : IAsyncDisposable
    {
        var results = new List<IReadOnlyList<TRound>>();
        var count = 0;
        foreach (var size in sizes)
        {
            var rounds = new List<TRound>();
            for (var i = 0; i < roundsPerSize; i++)
            {
                rounds.Add(round(await EachAsync(servers, count++, (t, process) => scenario(size, t, process))));
            }
            results.Add(rounds);
        }
        return results;
    }

    public static async Task<T[]> EachAsync<TTarget, T>(IReadOnlyList<MeasuredServer<TTarget>> servers, int round, Func<TTarget, ServerProcess, Task<T>> scenario)
        where TTarget : IAsyncDisposable
    {
        var results = new T[servers.Count];
        for (var i = 0; i < servers.Count; i++)
        {
            var next = (round + i) % servers.Count;
            results[next] = await WithTarget(servers[next].Connect(), t => scenario(t, servers[next].Process));
        }
        return results;
    }

    public static async Task<T> WithTarget<TTarget, T>(TTarget target, Func<TTarget, Task<T>> run)
        where TTarget : IAsyncDisposable
    {
        await using (target)
        {
            return await run(target);
        }
    }
}
