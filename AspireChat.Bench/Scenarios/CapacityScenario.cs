using System.Diagnostics;
using AspireChat.Bench.Load;
using AspireChat.Bench.Servers;

namespace AspireChat.Bench.Scenarios;

// Opens Listen streams up to N (or until the server holds more memory than the ceiling): the
// server's memory per idle listener, the time to connect them all, and a broadcast that must
// reach every one; with idle, then the server's CPU at rest with them all open.
internal static class CapacityScenario
{
    public static async Task<CapacityResult> RunAsync(IFanOutTarget target, ServerProcess server, int listenerCount, double? memoryLimitMegabytes, IdleCpu? idle, CancellationToken cancellationToken)
    {
        using var streams = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var before = server.ResidentBytes();
        string? stoppedBecause = null;
        bool OverLimit()
        {
            if (memoryLimitMegabytes is { } limit && server.ResidentBytes() is { } now && now / 1048576.0 > limit)
            {
                stoppedBecause = $"server memory passed {limit} MB";
                return true;
            }
            return false;
        }

        var clock = Stopwatch.StartNew();
        var (listeners, atTenth) = await OpenAsync(target, server, listenerCount, OverLimit, streams.Token);
        var connectSeconds = clock.Elapsed.TotalSeconds;
        var after = server.ResidentBytes();

        var send = await target.SenderAsync(0, cancellationToken);
        var broadcastAccepted = await send(BenchText.Create(0, 1, 64), cancellationToken);
        if (!broadcastAccepted)
        {
            stoppedBecause = "the server refused the broadcast";
        }
        await Listeners.DrainAsync(listeners, 1, TimeSpan.FromSeconds(5), cancellationToken);
        var reached = listeners.Count(l => l.Unique >= 1);
        var idleCpu = idle is null ? null : await idle.MeasureAsync(server, cancellationToken);

        await Listeners.CloseAsync(listeners, streams, TimeSpan.FromSeconds(60), cancellationToken);
        static double? Megabytes(long? bytes) => bytes is { } b ? Math.Round(b / 1048576.0, 1) : null;
        static double? KilobytesPer(long? bytes, int listeners) => bytes is { } b && listeners > 0 ? Math.Round(b / 1024.0 / listeners, 1) : null;
        return new CapacityResult(target.Name, listenerCount, listeners.Count, Math.Round(connectSeconds, 2), Megabytes(before), Megabytes(after),
            KilobytesPer(after - before, listeners.Count), reached, stoppedBecause, idleCpu)
        {
            KilobytesPerFurtherListener = KilobytesPer(after - atTenth.Bytes, listeners.Count - atTenth.Listeners),
        };
    }

    // A tenth first: what a server spends once (its JIT, pools and tables) is spent by then, so
    // the other nine tenths show what each further listener holds. atTenth: the server's memory
    // and the listeners open then.
    private static async Task<(List<BenchListener> Listeners, (long? Bytes, int Listeners) AtTenth)> OpenAsync(
        IFanOutTarget target, ServerProcess server, int count, Func<bool> stopEarly, CancellationToken cancellationToken)
    {
        var listeners = await Listeners.OpenAsync(target, count / 10, senders: 1, recordLatency: false, cancellationToken, stopEarly);
        var atTenth = (server.ResidentBytes(), listeners.Count);
        listeners.AddRange(await Listeners.OpenAsync(target, count - count / 10, senders: 1, recordLatency: false, cancellationToken, stopEarly, first: count / 10));
        return (listeners, atTenth);
    }
}
