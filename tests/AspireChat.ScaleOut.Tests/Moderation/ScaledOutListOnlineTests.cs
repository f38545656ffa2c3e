using AspireChat.Protocol.Admin;
using AspireChat.Testing;

namespace AspireChat.ScaleOut.Tests.Moderation;

// The operator's list names the replicas that hold each user's streams, as the dashboard names
// them (Chat:ReplicaName), with their stream counts, whichever replica is asked.
[Collection(ModerationCollection.Name)]
public sealed class ScaledOutListOnlineTests(ModerationCluster cluster)
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task ListOnline_ShowsEachUsersStreams_ByReplicaName(int askedVia)
    {
        await using var owned = new AsyncDisposableList();
        var alice = owned.Add(await cluster.RegisterAsync(0, UniqueName.For("alice")));
        owned.Add(await alice.ListenAsync());
        owned.Add(await owned.Add(alice.SameUserOn(cluster.Channel(1))).ListenAsync());
        owned.Add(await owned.Add(alice.SameUserOn(cluster.Channel(1))).ListenAsync());
        var bob = owned.Add(await cluster.RegisterAsync(1, UniqueName.For("bob")));
        var (admin, channel) = cluster.Admin(askedVia);
        using var disposeChannel = channel;
        var expected = $"{alice.Username}: 3 [{ModerationCluster.ReplicaNames[0]}=1, {ModerationCluster.ReplicaNames[1]}=2]; {bob.Username}: 0 []";
        var listed = "";

        try
        {
            await TimeoutExtensions.WaitUntilAsync(async () =>
            {
                var users = (await admin.ListOnlineAsync(new ListOnlineRequest(), ModerationCluster.WithKey())).Users
                    .Where(u => u.Username == alice.Username || u.Username == bob.Username);
                listed = string.Join("; ", users.Select(u => $"{u.Username}: {u.Listeners} [{string.Join(", ", u.Replicas.Select(r => $"{r.Replica}={r.Listeners}"))}]"));
                return listed == expected;
            }, $"replica {askedVia} lists the streams by replica");
        }
        catch (TimeoutException)
        {
            // The last listing says what was wrong.
        }

        Assert.Equal(expected, listed);
    }
}
