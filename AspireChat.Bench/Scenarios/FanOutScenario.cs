using System.Diagnostics;
using AspireChat.Bench.Load;
using AspireChat.Bench.Servers;
using Grpc.Core;

namespace AspireChat.Bench.Scenarios;

// N listeners, S senders sending as fast as the server answers for a fixed time: what the
// server accepts and delivers, every delivery missed, and what it cost the server and the client.
internal static class FanOutScenario
{
    public static async Task<FanOutResult> RunAsync(IFanOutTarget target, ServerProcess server, int listenerCount, int senderCount, TimeSpan duration, int size, CancellationToken cancellationToken)
    {
        using var streams = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listeners = await Listeners.OpenAsync(target, listenerCount, senderCount, recordLatency: false, streams.Token);
        var senders = await Task.WhenAll(Enumerable.Range(0, senderCount).Select(i => target.SenderAsync(i, cancellationToken)));

        var cpuBefore = server.CpuTime();
        var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long accepted = 0, refused = 0, failed = 0;
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
                        Interlocked.Increment(ref await send(BenchText.Create(index, ++counter, size), cancellationToken) ? ref accepted : ref refused);
                    }
                    catch (RpcException) when (!cancellationToken.IsCancellationRequested)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
            }, cancellationToken)));
        }
        var sendSeconds = clock.Elapsed.TotalSeconds;
        await Listeners.DrainAsync(listeners, accepted, TimeSpan.FromSeconds(3), cancellationToken);
        var drainSeconds = clock.Elapsed.TotalSeconds - sendSeconds;
        var cpuAfter = server.CpuTime();
        var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - clientBefore).TotalSeconds;

        await streams.CancelAsync();
        await Task.WhenAll(listeners.Select(l => l.Completion)).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        var deliveries = listeners.Sum(l => l.Unique);
        var serverCpu = cpuAfter is { } after && cpuBefore is { } before ? (after - before).TotalSeconds : (double?)null;
        return new FanOutResult(
            target.Name, listenerCount, senderCount, size, Math.Round(sendSeconds, 2), Math.Round(drainSeconds, 2),
            accepted, refused, failed, Math.Round(accepted / sendSeconds), deliveries, Math.Round(deliveries / sendSeconds),
            Lost: listeners.Sum(l => accepted - l.Unique),
            OutOfOrder: listeners.Sum(l => l.OutOfOrder),
            Duplicates: listeners.Sum(l => l.Duplicates),
            DroppedListeners: listeners.Count(l => l.EndedBy is not null),
            ServerCpuSeconds: serverCpu is { } cpu ? Math.Round(cpu, 2) : null,
            ServerMicrosecondsPerDelivery: serverCpu is { } c && deliveries > 0 ? Math.Round(c * 1e6 / deliveries, 2) : null,
            ClientCpuSeconds: Math.Round(clientCpu, 2));
    }
}
