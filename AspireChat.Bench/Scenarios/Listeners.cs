using System.Diagnostics;
using AspireChat.Bench.Load;

namespace AspireChat.Bench.Scenarios;

// Opening many listeners at once, waiting for them to catch up, and closing them.
internal static class Listeners
{
    private const int Parallelism = 64;

    // first: the index of the first listener, after listeners opened before by another call.
    public static async Task<List<BenchListener>> OpenAsync(IFanOutTarget target, int count, int senders, bool recordLatency, CancellationToken cancellationToken, Func<bool>? stopEarly = null, int first = 0)
    {
        var listeners = new BenchListener?[count];
        using var gate = new SemaphoreSlim(Parallelism);
        var opening = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                if (stopEarly?.Invoke() != true)
                {
                    listeners[i] = await target.ListenAsync(first + i, senders, recordLatency, cancellationToken);
                }
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(opening);
        return [.. listeners.OfType<BenchListener>()];
    }

    // Ends every stream (the scenario's own token) and waits for the listeners to finish reading.
    public static async Task CloseAsync(IReadOnlyList<BenchListener> listeners, CancellationTokenSource streams, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await streams.CancelAsync();
        await Task.WhenAll(listeners.Select(l => l.Completion)).WaitAsync(timeout, cancellationToken);
    }

    // Until every listener still open has the expected count, or none has made progress for a while.
    public static Task DrainAsync(IReadOnlyList<BenchListener> listeners, long expected, TimeSpan idle, CancellationToken cancellationToken) =>
        DrainAsync(listeners, _ => expected, idle, cancellationToken);

    // The same, each listener (by its index) expecting a count of its own.
    public static async Task DrainAsync(IReadOnlyList<BenchListener> listeners, Func<int, long> expected, TimeSpan idle, CancellationToken cancellationToken)
    {
        var last = -1L;
        var progress = Stopwatch.StartNew();
        while (true)
        {
            if (listeners.Select((l, i) => l.Completion.IsCompleted || l.Unique >= expected(i)).All(done => done))
            {
                return;
            }
            var total = listeners.Sum(l => l.Unique);
            if (total != last)
            {
                last = total;
                progress.Restart();
            }
            else if (progress.Elapsed > idle)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }
}
