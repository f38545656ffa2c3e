namespace AspireChat.Bench.Load;

// A server the bench fans messages out through: the chat service (its own contract or only the
// workshop's calls) or the bare ceiling service.
internal interface IFanOutTarget : IAsyncDisposable
{
    string Name { get; }

    // A listener that is subscribed (its stream's headers have arrived) when this returns.
    Task<BenchListener> ListenAsync(int index, int senders, bool recordLatency, CancellationToken cancellationToken);

    // Sends a text; true when the server accepted it.
    Task<Func<string, CancellationToken, Task<bool>>> SenderAsync(int index, CancellationToken cancellationToken);
}
