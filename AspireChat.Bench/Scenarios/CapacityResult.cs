namespace AspireChat.Bench.Scenarios;

// The streams a server held, what they cost it, and whether one broadcast reached them all; when
// measured, the server's CPU at rest with them all open (IdleCpu).
internal sealed record CapacityResult(
    string Target,
    int Requested,
    int Connected,
    double ConnectSeconds,
    double? ServerMegabytesBefore,
    double? ServerMegabytesAfter,
    double? KilobytesPerListener,
    int BroadcastReceivedBy,
    string? StoppedBecause,
    double? IdleServerCpuMillisecondsPerSecond = null) : IDeliveryCounts
{
    // The growth from the first tenth of the listeners open to all of them, per listener: what
    // one more listener holds, without what the server spends once (KilobytesPerListener has it).
    public double? KilobytesPerFurtherListener { get; init; }

    // One broadcast, to every stream that opened: it must reach each.
    int IDeliveryCounts.Listeners => Connected;

    long IDeliveryCounts.Lost => Connected - BroadcastReceivedBy;

    long IDeliveryCounts.Duplicates => 0;

    long IDeliveryCounts.OutOfOrder => 0;
}
