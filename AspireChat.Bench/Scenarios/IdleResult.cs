namespace AspireChat.Bench.Scenarios;

// A server at rest with N idle listeners connected (or none): the CPU time its processes used
// over a window after a settle, in milliseconds a second.
internal sealed record IdleResult(string Target, int Listeners, double SettleSeconds, double WindowSeconds, double? ServerCpuMillisecondsPerSecond);
