using AspireChat.Testing;

namespace AspireChat.ScaleOut.Tests;

// Three replicas on one Redis, started once for every test of the Backplane collection: the
// rules hold whichever replica a client meets. Tests take names of their own and read up to a
// marker of their own, so what earlier tests sent does not matter.
public sealed class ChatClusterFixture : IAsyncLifetime
{
    public const int ReplicaCount = 3;

    private ChatCluster? _cluster;

    public ChatCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster did not start.");

    public async Task InitializeAsync() => _cluster = await ChatCluster.StartAsync(ReplicaCount).StartupTimeout();

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
