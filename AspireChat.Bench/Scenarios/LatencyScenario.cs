using System.Diagnostics;
using AspireChat.Bench.Load;
using AspireChat.Bench.Servers;
using Grpc.Core;

namespace AspireChat.Bench.Scenarios;

// N listeners, one sender on a fixed schedule (open loop: a slow answer delays no later send):
// how long each message takes from its scheduled send time to each receiver, and what the
// deliveries cost the server.
internal static class LatencyScenario
{
    public static async Task<LatencyResult> RunAsync(IFanOutTarget target, ServerProcess server, int listenerCount, double rate, TimeSpan duration, int size, CancellationToken cancellationToken)
    {
        using var streams = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listeners = await Listeners.OpenAsync(target, listenerCount, senders: 1, recordLatency: true, streams.Token);
        var send = await target.SenderAsync(0, cancellationToken);
        var cpuBefore = server.CpuTime();

        var scheduled = (long)(duration.TotalSeconds * rate);
        long accepted = 0, refused = 0, failed = 0;
        var sends = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < scheduled; i++)
        {
            var due = start + (long)(i / rate * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }
            var text = BenchText.Create(0, i + 1, size, due);
            sends.Add(Task.Run(async () =>
            {
                try
                {
                    Interlocked.Increment(ref await send(text, cancellationToken) ? ref accepted : ref refused);
                }
                catch (RpcException) when (!cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref failed);
                }
            }, cancellationToken));
        }
        await Task.WhenAll(sends);
        await Listeners.DrainAsync(listeners, accepted, TimeSpan.FromSeconds(3), cancellationToken);
        var serverCpu = server.CpuTime() - cpuBefore;
        await streams.CancelAsync();
        await Task.WhenAll(listeners.Select(l => l.Completion)).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);

        var latencies = listeners.SelectMany(l => l.LatenciesMs).Order().ToArray();
        double At(double percentile) => latencies.Length == 0 ? double.NaN : Math.Round(latencies[Math.Min(latencies.Length - 1, (int)(percentile * latencies.Length))], 2);
        return new LatencyResult(target.Name, listenerCount, rate, scheduled, accepted, refused, failed, latencies.Length,
            listeners.Sum(l => accepted - l.Unique), listeners.Sum(l => l.Duplicates),
            At(0.50), At(0.90), At(0.99), At(0.999), latencies.Length == 0 ? double.NaN : Math.Round(latencies[^1], 2),
            serverCpu is { } cpu ? Math.Round(cpu.TotalSeconds, 2) : null,
            serverCpu is { } c && latencies.Length > 0 ? Math.Round(c.TotalSeconds * 1e6 / latencies.Length, 2) : null);
    }
}
