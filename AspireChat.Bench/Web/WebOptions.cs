namespace AspireChat.Bench.Web;

// What the web bench runs: pages joined, gRPC listeners beside them as the baseline, one sender's
// rate and how long it sends.
internal sealed record WebOptions(int Pages, int Listeners, double Rate, TimeSpan Duration);
