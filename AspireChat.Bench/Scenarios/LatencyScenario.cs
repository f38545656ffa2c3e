using AspireChat.Bench.Load;

namespace AspireChat.Bench.Scenarios;

// N listeners, one sender at a steady rate: how long each message takes from send to receive,
// over every delivery.
internal static class LatencyScenario
{
    public static async Task<LatencyResult> RunAsync(IFanOutTarget target, int listenerCount, double rate, TimeSpan duration, int size, CancellationToken cancellationToken)
    {
        using var streams = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listeners = await Listeners.OpenAsync(target, listenerCount, senders: 1, recordLatency: true, streams.Token);
        var send = await target.SenderAsync(0, cancellationToken);

        long sent = 0;
        using (var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / rate)))
        using (var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            sending.CancelAfter(duration);
            try
            {
                while (await timer.WaitForNextTickAsync(sending.Token))
                {
                    if (await send(BenchText.Create(0, sent + 1, size), cancellationToken))
                    {
                        sent++;
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
        }
        await Listeners.DrainAsync(listeners, sent, TimeSpan.FromSeconds(3), cancellationToken);
        await streams.CancelAsync();
        await Task.WhenAll(listeners.Select(l => l.Completion)).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);

        var latencies = listeners.SelectMany(l => l.LatenciesMs).Order().ToArray();
        double At(double percentile) => latencies.Length == 0 ? double.NaN : Math.Round(latencies[Math.Min(latencies.Length - 1, (int)(percentile * latencies.Length))], 2);
        return new LatencyResult(target.Name, listenerCount, rate, sent, latencies.Length, Math.Max(0, sent * listenerCount - latencies.Length),
            At(0.50), At(0.90), At(0.99), At(0.999), latencies.Length == 0 ? double.NaN : Math.Round(latencies[^1], 2));
    }
}
