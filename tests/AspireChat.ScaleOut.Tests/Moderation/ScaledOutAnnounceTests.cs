using AspireChat.Protocol;
using AspireChat.Protocol.Admin;
using AspireChat.Testing;

namespace AspireChat.ScaleOut.Tests.Moderation;

// An announcement is numbered like any message and reaches every listener on every replica,
// whether or not it asked for presence notices, from the reserved name "room": what a workshop
// client shows. It is kept in the history, as chat messages are.
[Collection(ModerationCollection.Name)]
public sealed class ScaledOutAnnounceTests(ModerationCluster cluster)
{
    [Fact]
    public async Task AnnouncementThroughOneReplica_ReachesListenersOnEveryReplica_FromTheRoom()
    {
        await using var owned = new AsyncDisposableList();
        var alice = owned.Add(await cluster.RegisterAsync(0, UniqueName.For("alice")));
        var bob = owned.Add(await cluster.RegisterAsync(1, UniqueName.For("bob")));
        var streams = new[]
        {
            ("alice on A, presence", owned.Add(await alice.ListenAsync(new ListenRequest { IncludePresence = true }))),
            ("bob on B, workshop-style", owned.Add(await bob.ListenAsync())),
        };
        var (admin, channel) = cluster.Admin(0);
        using var disposeChannel = channel;
        var text = $"The room closes at six. {UniqueName.For("notice")}";

        var announced = await admin.AnnounceAsync(new AnnounceRequest { Text = text }, ModerationCluster.WithKey());
        var replay = owned.Add(await owned.Add(bob.SameUserOn(cluster.Channel(0))).ListenAsync(new ListenRequest { History = 50 }));

        foreach (var (who, stream) in streams)
        {
            var received = await stream.NextAsync();
            while (received.Kind != Message.Types.Kind.Announcement)
            {
                received = await stream.NextAsync();
            }
            Assert.Equal(text, received.Msg);
            Assert.True(received.User?.Username == "room", $"{who}: from {received.User?.Username}");
            Assert.Null(received.Recipient);
            Assert.True(received.Sequence == announced.Sequence, $"{who}: sequence {received.Sequence}, announced as {announced.Sequence}");
        }
        // A listener that came later finds it in the history.
        await replay.ReadUntilAsync(text);
    }
}
