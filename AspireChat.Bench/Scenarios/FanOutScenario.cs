using System.Diagnostics;
using AspireChat.Bench.Load;
using AspireChat.Bench.Servers;
using Grpc.Core;

namespace AspireChat.Bench.Scenarios;

// N listeners, S senders sending as fast as the server answers for a fixed time: what the
// server accepts and delivers, and every delivery missed.
internal static class FanOutScenario
{
    public static async Task<FanOutResult> RunAsync(IFanOutTarget target, ServerProcess server, int listenerCount, int senderCount, TimeSpan duration, int size, CancellationToken cancellationToken)
    {
        using var streams = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listeners = await Listeners.OpenAsync(target, listenerCount, senderCount, recordLatency: false, streams.Token);
        var senders = await Task.WhenAll(Enumerable.Range(0, senderCount).Select(i => target.SenderAsync(i, cancellationToken)));

        var cpuBefore = server.CpuTime();
        var clock = Stopwatch.StartNew();
        long accepted = 0;
        using (var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            sending.CancelAfter(duration);
            await Task.WhenAll(senders.Select((send, index) => Task.Run(async () =>
            {
                long counter = 0;
                while (!sending.IsCancellationRequested)
                {
                    try
                    {
                        if (await send(BenchText.Create(index, ++counter, size), cancellationToken))
                        {
                            Interlocked.Increment(ref accepted);
                        }
                    }
                    catch (RpcException) when (!cancellationToken.IsCancellationRequested)
                    {
                        // Counted as not accepted.
                    }
                }
            }, cancellationToken)));
        }
        await Listeners.DrainAsync(listeners, accepted, TimeSpan.FromSeconds(3), cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuAfter = server.CpuTime();

        await streams.CancelAsync();
        await Task.WhenAll(listeners.Select(l => l.Completion)).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        var deliveries = listeners.Sum(l => l.Received);
        return new FanOutResult(
            target.Name, listenerCount, senderCount, size, Math.Round(seconds, 2),
            accepted, Math.Round(accepted / seconds), deliveries, Math.Round(deliveries / seconds),
            Lost: Math.Max(0, accepted * listenerCount - deliveries),
            OutOfOrder: listeners.Sum(l => l.OutOfOrder),
            Duplicates: listeners.Sum(l => l.Duplicates),
            DroppedListeners: listeners.Count(l => l.EndedBy is not null),
            ServerCpuSeconds: cpuAfter is { } after && cpuBefore is { } before ? Math.Round((after - before).TotalSeconds, 2) : null);
    }
}
