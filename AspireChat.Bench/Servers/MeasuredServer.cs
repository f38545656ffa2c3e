using AspireChat.Bench.Load;

namespace AspireChat.Bench.Servers;

// A server as the suite measures it: a new connection to it for each scenario, and the processes
// whose CPU time and memory are its cost.
internal sealed record MeasuredServer(Func<IFanOutTarget> Connect, ServerProcess Process);
