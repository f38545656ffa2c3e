namespace AspireChat.Bench.Scenarios;

// What the suite runs: the full set, or a smoke of a few seconds that keeps the bench honest in CI.
// Replicas: the chat replicas of the backplane, sharing one redis-server. WarmUp: how long each
// server is driven, unmeasured, before the fan-out and before the latency runs. LargeCapacity:
// idle listeners the chat service alone is asked to hold at the end (0: not run). Rounds: how many
// times each fan-out and latency scenario is run against each server; the tables show each
// server's median round (this machine's runs differ by 20% and more).
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
    int Rounds)
{
    public static SuiteOptions Full { get; } = new([1, 8, 100, 1_000, 10_000], 4, TimeSpan.FromSeconds(5), [1, 100, 1_000, 10_000], TimeSpan.FromSeconds(10), 10_000, 4_096, 128, 3, TimeSpan.FromSeconds(5), 100_000, 3);

    public static SuiteOptions Smoke { get; } = new([1, 8], 2, TimeSpan.FromSeconds(1), [8], TimeSpan.FromSeconds(1), 50, 4_096, 128, 3, TimeSpan.FromSeconds(1), 0, 1);

    // A steady rate that keeps deliveries near 20,000 a second, at most 100 messages a second.
    public static double LatencyRate(int listeners) => Math.Min(100, 20_000.0 / listeners);
}
