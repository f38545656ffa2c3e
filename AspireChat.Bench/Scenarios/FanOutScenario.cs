using System.Diagnostics;
using AspireChat.Bench.Load;
using AspireChat.Bench.Servers;

namespace AspireChat.Bench.Scenarios;

// N listeners, S senders sending as fast as the server answers for a fixed time: what the
// server accepts and delivers, every delivery missed, and what it cost the server and the client.
internal static class FanOutScenario
{
    private static readonly TimeSpan s_drainIdle = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan s_closeTimeout = TimeSpan.FromSeconds(30);

    public static async Task<FanOutResult> RunAsync(IFanOutTarget target, ServerProcess server, int listenerCount, int senderCount, TimeSpan duration, int size, CancellationToken cancellationToken)
    {
        using var streams = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listeners = await Listeners.OpenAsync(target, listenerCount, senderCount, recordLatency: false, streams.Token);
        var senders = await Task.WhenAll(Enumerable.Range(0, senderCount).Select(i => target.SenderAsync(i, cancellationToken)));

        var cpu = CpuUse.Start(server);
        var clock = Stopwatch.StartNew();
        var sends = await SendForAsync(senders, duration, size, cancellationToken);
        var sendSeconds = clock.Elapsed.TotalSeconds;
        await Listeners.DrainAsync(listeners, sends.Accepted, s_drainIdle, cancellationToken);
        var drainSeconds = clock.Elapsed.TotalSeconds - sendSeconds;
        var (serverCpu, clientCpu) = (cpu.ServerSeconds(), cpu.ClientSeconds());

        await Listeners.CloseAsync(listeners, streams, s_closeTimeout, cancellationToken);
        var deliveries = listeners.Sum(l => l.Unique);
        return new FanOutResult(
            target.Name, listenerCount, senderCount, size, Math.Round(sendSeconds, 2), Math.Round(drainSeconds, 2),
            sends.Accepted, sends.Refused, sends.Failed, Math.Round(sends.Accepted / sendSeconds), deliveries, Math.Round(deliveries / sendSeconds),
            Lost: listeners.Sum(l => sends.Accepted - l.Unique),
            OutOfOrder: listeners.Sum(l => l.OutOfOrder),
            Duplicates: listeners.Sum(l => l.Duplicates),
            DroppedListeners: listeners.Count(l => l.EndedBy is not null),
            ServerCpuSeconds: serverCpu is { } s ? Math.Round(s, 2) : null,
            ServerMicrosecondsPerDelivery: serverCpu is { } c && deliveries > 0 ? Math.Round(c * 1e6 / deliveries, 2) : null,
            ClientCpuSeconds: Math.Round(clientCpu, 2));
    }

    // Each sender sends its next message as soon as the last is answered, until the time is up.
    private static async Task<SendCounts> SendForAsync(IReadOnlyList<Func<string, CancellationToken, Task<bool>>> senders, TimeSpan duration, int size, CancellationToken cancellationToken)
    {
        var sends = new SendCounts();
        await ClosedLoop.RunAsync(senders.Count, duration, (index, counter) => sends.SendAsync(senders[index], BenchText.Create(index, counter, size), cancellationToken), cancellationToken);
        return sends;
    }
}
