using AspireChat.Protocol;
using AspireChat.Testing;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ScaleOut.Tests;

// "@bob hi" reaches bob's streams wherever they are, and nobody else's: not the room's, not the
// sender's own. A name nobody has online gets UNKNOWN_RECIPIENT and reaches nobody.
[Collection(BackplaneCollection.Name)]
public sealed class ScaledOutDirectMessageTests(ChatClusterFixture fixture)
{
    private ChatCluster Cluster => fixture.Cluster;

    // alice is registered on replica 0 and bob on replica 1; the message goes through sentVia.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task DirectMessage_ReachesTheRecipientsStreamsOnEveryReplica_AndNobodyElse(int sentVia)
    {
        await using var owned = new AsyncDisposableList();
        var alice = owned.Add(await Cluster.RegisterAsync(0, UniqueName.For("alice")));
        var bob = owned.Add(await Cluster.RegisterAsync(1, UniqueName.For("bob")));
        var carol = owned.Add(await Cluster.RegisterAsync(2, UniqueName.For("carol")));
        var bobStreams = await ListenOnEveryReplicaAsync(bob, owned);
        var othersStreams = (await ListenOnEveryReplicaAsync(alice, owned)).Concat(await ListenOnEveryReplicaAsync(carol, owned)).ToList();
        var aliceSends = owned.Add(alice.SameUserOn(Cluster.Channel(sentVia)));
        var marker = UniqueName.For("marker");

        var response = await aliceSends.SendAsync($"@{bob.Username} the secret is 42");
        await aliceSends.SendAsync(marker);

        Assert.True(response.Code == Code.Sent, $"{response.Code} {response.Msg}");
        foreach (var (replica, stream) in bobStreams)
        {
            var received = await stream.ReadUntilAsync(marker);
            var direct = Assert.Single(received);
            Assert.Equal($"@{bob.Username} the secret is 42", direct.Msg);
            Assert.Equal(alice.Username, direct.User.Username);
            Assert.Equal(bob.Username, direct.Recipient?.Username);
            Assert.True(response.Sequence == direct.Sequence, $"bob's stream on replica {replica}: sequence {direct.Sequence}, acknowledged {response.Sequence}");
        }
        foreach (var (replica, stream) in othersStreams)
        {
            var leaked = await stream.ReadUntilAsync(marker);
            Assert.True(leaked.Count == 0, $"a stream on replica {replica} received: {string.Join(" | ", leaked.Select(m => $"{m.User.Username}: {m.Msg}"))}");
        }
    }

    [Fact]
    public async Task DirectMessage_RecipientOnAnotherReplica_IsMatchedCaseInsensitively()
    {
        await using var alice = await Cluster.RegisterAsync(0, UniqueName.For("alice"));
        await using var bob = await Cluster.RegisterAsync(2, UniqueName.For("Bob"));
        await using var bobListens = await bob.ListenAsync();

        var response = await alice.SendAsync($"@{bob.Username!.ToLowerInvariant()} hello");

        Assert.True(response.Code == Code.Sent, $"{response.Code} {response.Msg}");
        Assert.Equal(bob.Username, (await bobListens.NextAsync()).Recipient?.Username);
    }

    [Fact]
    public async Task DirectMessage_ToUnknownRecipient_IsDeliveredToNobodyOnAnyReplica_AndSenderIsTold()
    {
        await using var owned = new AsyncDisposableList();
        var alice = owned.Add(await Cluster.RegisterAsync(1, UniqueName.For("alice")));
        var bob = owned.Add(await Cluster.RegisterAsync(2, UniqueName.For("bob")));
        var streams = (await ListenOnEveryReplicaAsync(alice, owned)).Concat(await ListenOnEveryReplicaAsync(bob, owned)).ToList();
        var nobody = UniqueName.For("nobody");
        var marker = UniqueName.For("marker");

        var response = await alice.SendAsync($"@{nobody} the secret is 42");
        await alice.SendAsync(marker);

        Assert.True(response.Code == Code.UnknownRecipient, $"{response.Code} {response.Msg}");
        Assert.Contains(nobody, response.Msg);
        Assert.Equal(0ul, response.Sequence);
        foreach (var (replica, stream) in streams)
        {
            var leaked = await stream.ReadUntilAsync(marker);
            Assert.True(leaked.Count == 0, $"a stream on replica {replica} received: {string.Join(" | ", leaked.Select(m => $"{m.User.Username}: {m.Msg}"))}");
        }
    }

    // The user's streams, one on each replica, through its session token.
    private async Task<List<(int Replica, StreamProbe<Message> Stream)>> ListenOnEveryReplicaAsync(ChatTestClient user, AsyncDisposableList owned)
    {
        var streams = new List<(int, StreamProbe<Message>)>();
        for (var r = 0; r < ChatClusterFixture.ReplicaCount; r++)
        {
            var here = owned.Add(user.SameUserOn(Cluster.Channel(r)));
            streams.Add((r, owned.Add(await here.ListenAsync())));
        }
        return streams;
    }
}
