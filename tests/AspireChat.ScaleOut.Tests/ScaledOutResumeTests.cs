using AspireChat.Conventions;
using AspireChat.Protocol;
using AspireChat.Testing;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ScaleOut.Tests;

// Resume works on any replica: the epoch and the history are the Redis's, not a replica's, so a
// client that listens again elsewhere gets exactly what it missed.
[Collection(BackplaneCollection.Name)]
public sealed class ScaledOutResumeTests(ChatClusterFixture fixture)
{
    private ChatCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Epoch_IsTheSameOnEveryReplica()
    {
        await using var owned = new AsyncDisposableList();
        var alice = owned.Add(await Cluster.RegisterAsync(0, UniqueName.For("alice")));

        var epochs = new List<string?>();
        for (var r = 0; r < ChatClusterFixture.ReplicaCount; r++)
        {
            var stream = owned.Add(await owned.Add(alice.SameUserOn(Cluster.Channel(r))).ListenAsync());
            epochs.Add((await stream.ReadyAsync()).GetValue(ChatMetadata.EpochHeader));
        }

        Assert.False(string.IsNullOrEmpty(epochs[0]), "replica 0 sent no epoch header");
        Assert.True(epochs.Distinct().Count() == 1, $"epochs: {string.Join(", ", epochs)}");
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 0)]
    public async Task Resume_OnAnotherReplica_GivesExactlyTheMissedMessages(int listenedOn, int resumesOn)
    {
        await using var owned = new AsyncDisposableList();
        var alice = owned.Add(await Cluster.RegisterAsync(listenedOn, UniqueName.For("alice")));
        var bob = owned.Add(await Cluster.RegisterAsync(1, UniqueName.For("bob")));
        var carol = owned.Add(await Cluster.RegisterAsync(2, UniqueName.For("carol")));
        var bobOn = Enumerable.Range(0, ChatClusterFixture.ReplicaCount).Select(r => owned.Add(bob.SameUserOn(Cluster.Channel(r)))).ToList();
        var (lastSeen, epoch) = await ListenThenLeaveAsync(alice, bob);
        var missed = new List<(string Sender, string Text, MessageResponse Response)>();
        for (var r = 0; r < ChatClusterFixture.ReplicaCount; r++)
        {
            missed.Add((bob.Username!, $"missed, via replica {r}", await bobOn[r].SendAsync($"missed, via replica {r}")));
        }
        missed.Add((carol.Username!, $"@{alice.Username} for you", await carol.SendAsync($"@{alice.Username} for you")));
        var notForAlice = await bob.SendAsync($"@{carol.Username} not for alice");
        var aliceBack = owned.Add(alice.SameUserOn(Cluster.Channel(resumesOn)));

        var resumed = owned.Add(await aliceBack.ListenAsync(new ListenRequest { ResumeAfter = lastSeen, ResumeEpoch = epoch }));
        var live = UniqueName.For("live");
        await bobOn[resumesOn].SendAsync(live);
        var received = await resumed.ReadUntilAsync(live);

        Assert.All(missed.Select(m => m.Response).Append(notForAlice), r => Assert.True(r.Code == Code.Sent, $"{r.Code} {r.Msg}"));
        var expected = missed.OrderBy(m => m.Response.Sequence).Select(m => $"{m.Response.Sequence} {m.Sender}: {m.Text}").ToList();
        var got = received.Select(m => $"{m.Sequence} {m.User.Username}: {m.Msg}").ToList();
        Sequences.AssertSame(expected, got, $"resumed on replica {resumesOn} after {lastSeen} (from replica {listenedOn}):");
        Assert.Null((await resumed.ReadyAsync()).GetValue(ChatMetadata.MissedHeader));
    }

    [Fact]
    public async Task ResumeFromTheStart_GivesTheSameHistory_OnEveryReplica()
    {
        await using var owned = new AsyncDisposableList();
        var alice = owned.Add(await Cluster.RegisterAsync(0, UniqueName.For("alice")));
        var bob = owned.Add(await Cluster.RegisterAsync(1, UniqueName.For("bob")));
        var marker = UniqueName.For("marker");
        var sent = new List<MessageResponse>();
        for (var i = 0; i < 3; i++)
        {
            sent.Add(await bob.SendAsync($"history #{i}"));
        }
        sent.Add(await bob.SendAsync(marker));

        var histories = new List<List<ulong>>();
        for (var r = 0; r < ChatClusterFixture.ReplicaCount; r++)
        {
            var stream = owned.Add(await owned.Add(alice.SameUserOn(Cluster.Channel(r))).ListenAsync(new ListenRequest { ResumeAfter = 0 }));
            histories.Add([.. (await stream.ReadUntilAsync(marker)).Select(m => m.Sequence)]);
        }

        Assert.All(sent, r => Assert.True(r.Code == Code.Sent, $"{r.Code} {r.Msg}"));
        Assert.All(sent.SkipLast(1), s => Assert.Contains(s.Sequence, histories[0]));
        Assert.True(Sequences.IsIncreasing(histories[0]), $"history on replica 0: {string.Join(", ", histories[0])}");
        Assert.All(histories.Skip(1), h => Assert.Equal(histories[0], h));
    }

    // alice listens, receives what bob sends, and leaves: her last sequence and the epoch.
    private static async Task<(ulong LastSeen, string Epoch)> ListenThenLeaveAsync(ChatTestClient alice, ChatTestClient bob)
    {
        await using var first = await alice.ListenAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(Code.Sent, (await bob.SendAsync($"seen #{i}")).Code);
        }
        var seen = await first.NextAsync(3);
        var epoch = (await first.ReadyAsync()).GetValue(ChatMetadata.EpochHeader);
        return (seen[^1].Sequence, epoch ?? throw new InvalidOperationException("No epoch header."));
    }
}
