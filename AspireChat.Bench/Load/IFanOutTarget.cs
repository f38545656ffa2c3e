namespace AspireChat.Bench.Load;

// A server the bench fans messages out through: the chat service (its own contract or only the
// workshop's calls), the bare ceiling service, or the SignalR hub. Failures are reported in gRPC's
// terms whatever the transport (an RpcException with its status, from a send or ending a
// listener's messages), so that every scenario counts them alike.
internal interface IFanOutTarget : IAsyncDisposable
{
    string Name { get; }

    // A listener that is subscribed (its stream's headers have arrived, or its hub has answered)
    // when this returns.
    Task<BenchListener> ListenAsync(int index, int senders, bool recordLatency, CancellationToken cancellationToken);

    // Sends a text; true when the server accepted it.
    Task<Func<string, CancellationToken, Task<bool>>> SenderAsync(int index, CancellationToken cancellationToken);
}
