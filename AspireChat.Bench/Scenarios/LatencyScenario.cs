using System.Diagnostics;
using AspireChat.Bench.Load;
using AspireChat.Bench.Servers;

namespace AspireChat.Bench.Scenarios;

// N listeners, one sender on a fixed schedule (open loop: a slow answer delays no later send):
// how long each message takes from its scheduled send time to each receiver, and what the
// deliveries cost the server.
internal static class LatencyScenario
{
    private static readonly TimeSpan s_drainIdle = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan s_closeTimeout = TimeSpan.FromSeconds(30);

    public static async Task<LatencyResult> RunAsync(IFanOutTarget target, ServerProcess server, int listenerCount, double rate, TimeSpan duration, int size, CancellationToken cancellationToken)
    {
        using var streams = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listeners = await Listeners.OpenAsync(target, listenerCount, senders: 1, recordLatency: true, streams.Token);
        var send = await target.SenderAsync(0, cancellationToken);
        var cpu = CpuUse.Start(server);

        var scheduled = (long)(duration.TotalSeconds * rate);
        var sends = await SendOnScheduleAsync(send, scheduled, rate, size, cancellationToken);
        await Listeners.DrainAsync(listeners, sends.Accepted, s_drainIdle, cancellationToken);
        var serverCpu = cpu.ServerSeconds();
        await Listeners.CloseAsync(listeners, streams, s_closeTimeout, cancellationToken);

        var latencies = listeners.SelectMany(l => l.LatenciesMs).Order().ToArray();
        double At(double percentile) => latencies.Length == 0 ? double.NaN : Math.Round(latencies[Math.Min(latencies.Length - 1, (int)(percentile * latencies.Length))], 2);
        return new LatencyResult(target.Name, listenerCount, rate, scheduled, sends.Accepted, sends.Refused, sends.Failed, latencies.Length,
            listeners.Sum(l => sends.Accepted - l.Unique), listeners.Sum(l => l.Duplicates),
            At(0.50), At(0.90), At(0.99), At(0.999), latencies.Length == 0 ? double.NaN : Math.Round(latencies[^1], 2),
            serverCpu is { } s ? Math.Round(s, 2) : null,
            serverCpu is { } c && latencies.Length > 0 ? Math.Round(c * 1e6 / latencies.Length, 2) : null);
    }

    // Message i is sent at i / rate seconds from the start, whether or not the last was answered;
    // each carries its due time, so that a late send counts its lateness as latency.
    private static async Task<SendCounts> SendOnScheduleAsync(Func<string, CancellationToken, Task<bool>> send, long scheduled, double rate, int size, CancellationToken cancellationToken)
    {
        var sends = new SendCounts();
        var inFlight = new List<Task>();
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
            inFlight.Add(Task.Run(() => sends.SendAsync(send, text, cancellationToken), cancellationToken));
        }
        await Task.WhenAll(inFlight);
        return sends;
    }
}
