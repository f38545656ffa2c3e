using AspireChat.Protocol;
using AspireChat.Testing;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ScaleOut.Tests;

// One room over every replica: each broadcast reaches every stream on every replica once, and
// every stream sees the same sequence numbers in the same order.
[Collection(BackplaneCollection.Name)]
public sealed class ScaledOutBroadcastTests(ChatClusterFixture fixture)
{
    private const int MessagesPerSender = 20;

    private ChatCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Broadcast_OnAnyReplica_ReachesEveryListenerOnce_InOneOrder()
    {
        // A sender and a listener on every replica, the senders listening too (a broadcast reaches
        // its sender's own streams), and one user with a stream on each replica.
        await using var owned = new AsyncDisposableList();
        var senders = new List<ChatTestClient>();
        var streams = new List<(string Who, StreamProbe<Message> Stream)>();
        var roamer = owned.Add(await Cluster.RegisterAsync(0, UniqueName.For("roamer")));
        for (var r = 0; r < ChatClusterFixture.ReplicaCount; r++)
        {
            var sender = owned.Add(await Cluster.RegisterAsync(r, UniqueName.For($"sender{r}")));
            senders.Add(sender);
            var listener = owned.Add(await Cluster.RegisterAsync(r, UniqueName.For($"listener{r}")));
            var roamerHere = owned.Add(roamer.SameUserOn(Cluster.Channel(r)));
            streams.Add(($"{sender.Username} on replica {r}", owned.Add(await sender.ListenAsync())));
            streams.Add(($"{listener.Username} on replica {r}", owned.Add(await listener.ListenAsync())));
            streams.Add(($"{roamer.Username} on replica {r}", owned.Add(await roamerHere.ListenAsync())));
        }
        var marker = UniqueName.For("marker");

        var sent = await Task.WhenAll(senders.Select((sender, r) => SendManyAsync(sender, r)));
        var markerSent = await senders[0].SendAsync(marker);

        Assert.Equal(Code.Sent, markerSent.Code);
        await AssertEveryStreamGotAllInOneOrderAsync(sent, streams, marker);
    }

    [Fact]
    public async Task ManySendersAtOnce_ThroughOneReplica_AreNumberedInOneOrder_AndEachArrivesOnceOnEveryReplica()
    {
        // Sends that arrive together on one replica go to Redis together (a batch): each is still
        // answered with its own number, and every replica delivers every one of them once.
        await using var owned = new AsyncDisposableList();
        var streams = new List<(string Who, StreamProbe<Message> Stream)>();
        for (var r = 0; r < ChatClusterFixture.ReplicaCount; r++)
        {
            var listener = owned.Add(await Cluster.RegisterAsync(r, UniqueName.For($"batch-listener{r}")));
            streams.Add(($"{listener.Username} on replica {r}", owned.Add(await listener.ListenAsync())));
        }
        var senders = new List<ChatTestClient>();
        for (var i = 0; i < 8; i++)
        {
            senders.Add(owned.Add(await Cluster.RegisterAsync(0, UniqueName.For($"batch-sender{i}"))));
        }

        var sent = await Task.WhenAll(senders.Select((sender, i) => SendManyAsync(sender, i)));
        var marker = UniqueName.For("marker");
        Assert.Equal(Code.Sent, (await senders[0].SendAsync(marker)).Code);

        await AssertEveryStreamGotAllInOneOrderAsync(sent, streams, marker);
    }

    // Every send was accepted with a number of its own, each sender's in order, and every stream
    // received all of them once, in the order of their numbers, before the marker.
    private static async Task AssertEveryStreamGotAllInOneOrderAsync(
        List<(string Sender, string Text, MessageResponse Response)>[] sent, List<(string Who, StreamProbe<Message> Stream)> streams, string marker)
    {
        var acknowledged = sent.SelectMany(s => s).ToList();
        Assert.All(acknowledged, a => Assert.True(a.Response.Code == Code.Sent, $"{a.Text}: {a.Response.Code} {a.Response.Msg}"));
        Assert.All(sent, fromOne => Assert.True(Sequences.IsIncreasing(fromOne.Select(a => a.Response.Sequence)), "one sender's messages keep their order"));
        Assert.Equal(acknowledged.Count, acknowledged.Select(a => a.Response.Sequence).Distinct().Count());
        var expected = acknowledged.OrderBy(a => a.Response.Sequence).Select(a => $"{a.Response.Sequence} {a.Sender}: {a.Text}").ToList();
        var senderNames = acknowledged.Select(a => a.Sender).ToHashSet();
        foreach (var (who, stream) in streams)
        {
            var received = (await stream.ReadUntilAsync(marker)).Where(m => senderNames.Contains(m.User.Username)).Select(m => $"{m.Sequence} {m.User.Username}: {m.Msg}").ToList();
            Sequences.AssertSame(expected, received, $"{who} received");
        }
    }

    private static async Task<List<(string Sender, string Text, MessageResponse Response)>> SendManyAsync(ChatTestClient sender, int replica)
    {
        var sent = new List<(string, string, MessageResponse)>();
        for (var i = 0; i < MessagesPerSender; i++)
        {
            var text = $"from replica {replica}, #{i}";
            sent.Add((sender.Username!, text, await sender.SendAsync(text)));
        }
        return sent;
    }
}
