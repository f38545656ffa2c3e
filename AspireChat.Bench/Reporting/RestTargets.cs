using AspireChat.Bench.Load;
using AspireChat.Bench.Scenarios;
using static System.FormattableString;

namespace AspireChat.Bench.Reporting;

// Nothing burnt at rest, and memory per idle listener, from one run's idle and capacity rows at
// its two capacity sizes (Listeners, then LargeListeners on the ceiling and the chat service):
// the chat service's idle CPU at most SignalR's with no listener and with Listeners open; with
// LargeListeners open, at most its own with none plus IdleGrowthMargin, plus what the ceiling's
// grew by over the same listeners (each open connection costs the transport, such as Kestrel's
// once-a-second heartbeat over its connections, whatever serves it), so that only what the chat
// service adds per user counts; its resident memory per idle listener within MaxMemoryRatio of
// the ceiling's at both sizes, over all the listeners and over all but the first tenth.
internal sealed record RestTargets(IReadOnlyList<IdleResult> Idle, IReadOnlyList<CapacityResult> Capacity, int Listeners, int LargeListeners)
{
    public const double IdleGrowthMargin = 2;
    private const double MaxMemoryRatio = 1.2;

    public IEnumerable<TargetCheck> Check() =>
        [IdleAgainstSignalR(0), IdleAgainstSignalR(Listeners), IdleGrowth(), .. Memory(Listeners), .. Memory(LargeListeners)];

    private TargetCheck IdleAgainstSignalR(int listeners)
    {
        var target = Invariant($"idle CPU of the chat service <= SignalR's: {SuiteTargets.Sized("at rest", listeners, "listener")}");
        return (IdleOf(ChatTarget.ServiceName, listeners), IdleOf(SignalRTarget.ServerName, listeners)) is ({ } chat, { } signalR)
            ? new(target, Invariant($"{chat:0.##} vs {signalR:0.##} ms of CPU per second"), chat <= signalR ? SuiteTargets.Met : SuiteTargets.Missed)
            : new(target, "-", SuiteTargets.NotRun);
    }

    private TargetCheck IdleGrowth()
    {
        var target = Invariant($"idle CPU of the chat service not growing with users: at {LargeListeners:#,0} listeners <= at 0 + {IdleGrowthMargin} ms/s + the ceiling's own growth from 0 to {LargeListeners:#,0}");
        if ((IdleOf(ChatTarget.ServiceName, 0), IdleOf(ChatTarget.ServiceName, LargeListeners), IdleOf(CeilingTarget.ServerName, 0), IdleOf(CeilingTarget.ServerName, LargeListeners))
            is not ({ } chatNone, { } chatLarge, { } ceilingNone, { } ceilingLarge))
        {
            return new(target, "-", SuiteTargets.NotRun);
        }
        var allowed = chatNone + IdleGrowthMargin + Math.Max(0, ceilingLarge - ceilingNone);
        return new(target, Invariant($"{chatLarge:0.##} ms/s (at 0: {chatNone:0.##}; ceiling {ceilingNone:0.##} -> {ceilingLarge:0.##}; allowed {allowed:0.##})"),
            chatLarge <= allowed ? SuiteTargets.Met : SuiteTargets.Missed);
    }

    // Both readings: the growth over all the listeners, and over the last nine tenths (what one
    // more listener holds, without what a server spends once: CapacityResult).
    private IEnumerable<TargetCheck> Memory(int listeners)
    {
        var (chat, ceiling) = (CapacityOf(ChatTarget.ServiceName, listeners), CapacityOf(CeilingTarget.ServerName, listeners));
        var size = SuiteTargets.Sized("capacity", listeners, "listener");
        return [
            SuiteTargets.Compare(Invariant($"memory per idle listener <= {MaxMemoryRatio}x the ceiling's: {size}"),
                chat?.KilobytesPerListener, ceiling?.KilobytesPerListener, "KB", r => r <= MaxMemoryRatio),
            SuiteTargets.Compare(Invariant($"memory per further idle listener <= {MaxMemoryRatio}x the ceiling's: {size}"),
                chat?.KilobytesPerFurtherListener, ceiling?.KilobytesPerFurtherListener, "KB", r => r <= MaxMemoryRatio),
        ];
    }

    private double? IdleOf(string target, int listeners) =>
        Idle.FirstOrDefault(r => r.Target == target && r.Listeners == listeners)?.ServerCpuMillisecondsPerSecond;

    private CapacityResult? CapacityOf(string target, int listeners) =>
        listeners > 0 ? Capacity.FirstOrDefault(r => r.Target == target && r.Requested == listeners) : null;
}
