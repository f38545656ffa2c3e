namespace AspireChat.Bench.Load;

// The chat service scaled out: replicas sharing one room through Redis, each reached as a
// ChatTarget of its own (AspireChat mode). Spread: listeners are dealt out evenly over the
// replicas and senders take turns among them. Cross-replica: every sender is on the first replica
// and every listener on the others, so that each delivery crosses from one replica to another.
// Direct messages: user i on replica i mod N, so that most messages cross replicas.
internal sealed class ReplicasTarget : IFanOutTarget, IDirectTarget
{
    private readonly ChatTarget[] _replicas;
    private readonly bool _crossReplica;

    public ReplicasTarget(IReadOnlyList<Uri> replicas, bool crossReplica)
    {
        if (replicas.Count < (crossReplica ? 2 : 1))
        {
            throw new ArgumentException("Cross-replica needs at least two replicas: one to send on, one to listen on.", nameof(replicas));
        }
        var run = ChatTarget.NewRun();
        _replicas = [.. replicas.Select(replica => new ChatTarget(replica, workshop: false, run))];
        _crossReplica = crossReplica;
    }

    public string Name => $"AspireChat, {_replicas.Length} replicas + Redis{(_crossReplica ? " (cross-replica)" : "")}";

    public Task<BenchListener> ListenAsync(int index, int senders, bool recordLatency, CancellationToken cancellationToken) =>
        ListenerReplica(index).ListenAsync(index, senders, recordLatency, cancellationToken);

    public Task<Func<string, CancellationToken, Task<bool>>> SenderAsync(int index, CancellationToken cancellationToken) =>
        (_crossReplica ? _replicas[0] : _replicas[index % _replicas.Length]).SenderAsync(index, cancellationToken);

    public Task<DirectUser> JoinAsync(int index, int users, CancellationToken cancellationToken) =>
        _replicas[index % _replicas.Length].JoinAsync(index, users, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
    }

    private ChatTarget ListenerReplica(int index) =>
        _crossReplica ? _replicas[1 + index % (_replicas.Length - 1)] : _replicas[index % _replicas.Length];
}
