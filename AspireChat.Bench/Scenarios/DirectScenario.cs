using System.Diagnostics;
using AspireChat.Bench.Load;
using AspireChat.Bench.Servers;

namespace AspireChat.Bench.Scenarios;

// N users, each listening and each sending direct messages at full speed (its next as soon as the
// last is answered) to a random other user, for a fixed time: messages per second, every message
// lost, doubled, reordered or delivered to the wrong user, and what it cost the server.
internal static class DirectScenario
{
    private const int Parallelism = 64;
    private static readonly TimeSpan s_drainIdle = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan s_closeTimeout = TimeSpan.FromSeconds(30);

    public static async Task<DirectResult> RunAsync(IDirectTarget target, ServerProcess server, int userCount, TimeSpan duration, int size, CancellationToken cancellationToken)
    {
        using var streams = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var users = await JoinAsync(target, userCount, streams.Token);
        var listeners = users.Select(u => u.Listener).ToList();
        var sends = new DirectSends(userCount);

        var cpu = CpuUse.Start(server);
        var clock = Stopwatch.StartNew();
        await ClosedLoop.RunAsync(userCount, duration, (from, counter) => sends.SendAsync(users[from], from, counter, size, cancellationToken), cancellationToken);
        var sendSeconds = clock.Elapsed.TotalSeconds;
        var expected = sends.AcceptedTo();
        await Listeners.DrainAsync(listeners, i => expected[i], s_drainIdle, cancellationToken);
        var window = new Window(sendSeconds, clock.Elapsed.TotalSeconds - sendSeconds, cpu.ServerSeconds(), cpu.ClientSeconds());

        await Listeners.CloseAsync(listeners, streams, s_closeTimeout, cancellationToken);
        return Result(target.Name, size, sends, listeners, window);
    }

    // Every user joined, its stream subscribed, a few at a time. The streams live on the
    // scenario's own token, not the loop's.
    private static async Task<DirectUser[]> JoinAsync(IDirectTarget target, int count, CancellationToken streams)
    {
        var users = new DirectUser[count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = streams };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), options, async (i, _) => users[i] = await target.JoinAsync(i, count, streams));
        return users;
    }

    private static DirectResult Result(string target, int size, DirectSends sends, IReadOnlyList<BenchListener> listeners, Window window)
    {
        var (lost, misdelivered) = sends.Check(listeners);
        var (accepted, serverCpu) = (sends.Counts.Accepted, window.ServerCpuSeconds);
        return new DirectResult(
            target, listeners.Count, size, Math.Round(window.SendSeconds, 2), Math.Round(window.DrainSeconds, 2),
            accepted, sends.Counts.Refused, sends.Counts.Failed, Math.Round(accepted / window.SendSeconds),
            Delivered: listeners.Sum(l => l.Unique),
            Lost: lost,
            OutOfOrder: listeners.Sum(l => l.OutOfOrder),
            Duplicates: listeners.Sum(l => l.Duplicates),
            Misdelivered: misdelivered,
            DroppedListeners: listeners.Count(l => l.EndedBy is not null),
            ServerCpuSeconds: serverCpu is { } s ? Math.Round(s, 2) : null,
            ServerMicrosecondsPerMessage: serverCpu is { } c && accepted > 0 ? Math.Round(c * 1e6 / accepted, 2) : null,
            ClientCpuSeconds: Math.Round(window.ClientCpuSeconds, 2));
    }

    // The sending window and the drain after it, and the CPU both cost.
    private readonly record struct Window(double SendSeconds, double DrainSeconds, double? ServerCpuSeconds, double ClientCpuSeconds);
}
