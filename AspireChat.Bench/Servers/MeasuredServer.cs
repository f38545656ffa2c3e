namespace AspireChat.Bench.Servers;

// A server as the suite measures it: a new connection to it for each scenario (an IFanOutTarget,
// or an IDirectTarget for direct messages), and the processes whose CPU time and memory are its cost.
internal sealed record MeasuredServer<TTarget>(Func<TTarget> Connect, ServerProcess Process)
    where TTarget : IAsyncDisposable;
