namespace AspireChat.Bench.Scenarios;

// What the suite runs: the full set, or a smoke of a few seconds that keeps the bench honest in CI.
// Replicas: the chat replicas of the backplane, sharing one redis-server. WarmUp: how long each
// server is driven, unmeasured, before the fan-out, the latency and the direct-message runs.
// 15 s: a chat replica's tier-1 JIT was still 1.6 s of its CPU in the 5 s after a 5 s warm-up
// (measured from /proc, its ".NET Tiered Com" thread), and 30 ms after 15 s.
// LargeCapacity: idle listeners the ceiling and then the chat service are asked to hold at the
// end (0: not run). Rounds: how many times each fan-out, latency and direct-message scenario is
// run against each server; the tables show each server's median round (this machine's runs
// differ by 20% and more). DirectUsers: the sizes of the direct-message scenario (each user
// listens and sends). Idle: how each single server's CPU at rest is measured, with no listener
// and with the capacity runs' listeners open.
internal sealed record SuiteOptions(
    int[] FanOutListeners,
    int Senders,
    TimeSpan FanOutDuration,
    int[] LatencyListeners,
    TimeSpan LatencyDuration,
    int CapacityListeners,
    double CapacityMemoryLimitMegabytes,
    int MessageSize,
    int Replicas,
    TimeSpan WarmUp,
    int LargeCapacityListeners,
    int Rounds,
    int[] DirectUsers,
    TimeSpan DirectDuration,
    IdleCpu Idle)
{
    public static SuiteOptions Full { get; } = new(
        FanOutListeners: [1, 8, 100, 1_000, 10_000], Senders: 4, FanOutDuration: TimeSpan.FromSeconds(5),
        LatencyListeners: [1, 100, 1_000, 10_000], LatencyDuration: TimeSpan.FromSeconds(10),
        CapacityListeners: 10_000, CapacityMemoryLimitMegabytes: 4_096, MessageSize: 128, Replicas: 3, WarmUp: TimeSpan.FromSeconds(15),
        LargeCapacityListeners: 100_000, Rounds: 3,
        DirectUsers: [2, 8, 100, 1_000], DirectDuration: TimeSpan.FromSeconds(5),
        // At rest a server uses a few clock ticks (10 ms) of CPU a second: over 40 s one tick is
        // 0.25 ms a second of the reading, and 10 s lets a server that has just started finish its JIT.
        Idle: new IdleCpu(Settle: TimeSpan.FromSeconds(10), Window: TimeSpan.FromSeconds(40)));

    // Every step, the large capacity runs included, at sizes that take seconds.
    public static SuiteOptions Smoke { get; } = new(
        FanOutListeners: [1, 8], Senders: 2, FanOutDuration: TimeSpan.FromSeconds(1),
        LatencyListeners: [8], LatencyDuration: TimeSpan.FromSeconds(1),
        CapacityListeners: 50, CapacityMemoryLimitMegabytes: 4_096, MessageSize: 128, Replicas: 3, WarmUp: TimeSpan.FromSeconds(1),
        LargeCapacityListeners: 100, Rounds: 1,
        DirectUsers: [2, 8], DirectDuration: TimeSpan.FromSeconds(1),
        Idle: new IdleCpu(Settle: TimeSpan.FromSeconds(0.2), Window: TimeSpan.FromSeconds(1)));

    // A steady rate that keeps deliveries near 20,000 a second, at most 100 messages a second.
    public static double LatencyRate(int listeners) => Math.Min(100, 20_000.0 / listeners);
}
