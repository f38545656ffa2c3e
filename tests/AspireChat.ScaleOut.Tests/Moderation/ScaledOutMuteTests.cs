using AspireChat.Protocol.Admin;
using AspireChat.Testing;
using Google.Protobuf.WellKnownTypes;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ScaleOut.Tests.Moderation;

// A mute lives in Redis and is checked by the script that numbers a message: a user muted through
// one replica is refused on every replica, broadcast and direct alike, with the reason; unmuted
// through another, they send again.
[Collection(ModerationCollection.Name)]
public sealed class ScaledOutMuteTests(ModerationCluster cluster)
{
    [Fact]
    public async Task MutedThroughOneReplica_IsRefusedMutedOnTheOther_UntilUnmuted()
    {
        await using var owned = new AsyncDisposableList();
        var bob = owned.Add(await cluster.RegisterAsync(1, UniqueName.For("bob")));
        var alice = owned.Add(await cluster.RegisterAsync(0, UniqueName.For("alice")));
        var (adminA, channelA) = cluster.Admin(0);
        var (adminB, channelB) = cluster.Admin(1);
        using var disposeA = channelA;
        using var disposeB = channelB;

        var muted = await adminA.MuteAsync(new MuteRequest { Username = bob.Username!.ToUpperInvariant(), Reason = "flooding the room", Duration = Duration.FromTimeSpan(TimeSpan.FromMinutes(5)) }, ModerationCluster.WithKey());
        var broadcast = await bob.SendAsync("let me speak");
        var direct = await bob.SendAsync($"@{alice.Username} psst");
        var onA = await owned.Add(bob.SameUserOn(cluster.Channel(0))).SendAsync("and here?");
        var unmuted = await adminB.UnmuteAsync(new UnmuteRequest { Username = bob.Username }, ModerationCluster.WithKey());
        var afterUnmute = await bob.SendAsync("thank you");

        Assert.Equal(bob.Username, muted.Username);
        foreach (var (what, response) in new[] { ("broadcast", broadcast), ("direct message", direct), ("send through replica 0", onA) })
        {
            Assert.True(response.Code == Code.Muted, $"{what}: {response.Code} {response.Msg}");
            Assert.Contains("muted by the room's operator", response.Msg);
            Assert.Contains("flooding the room", response.Msg);
            Assert.Equal(0ul, response.Sequence);
        }
        Assert.True(unmuted.WasMuted);
        Assert.True(afterUnmute.Code == Code.Sent, $"after unmute: {afterUnmute.Code} {afterUnmute.Msg}");
    }

    [Fact]
    public async Task Mute_OfANameNobodyHasOnline_IsNotFound_AndMutesNobodyLater()
    {
        var nobody = UniqueName.For("nobody");
        var (admin, channel) = cluster.Admin(1);
        using var disposeChannel = channel;

        var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => admin.MuteAsync(new MuteRequest { Username = nobody, Reason = "spam" }, ModerationCluster.WithKey()).ResponseAsync);
        await using var later = await cluster.RegisterAsync(0, nobody);
        var sent = await later.SendAsync("hello");

        Assert.Equal(Grpc.Core.StatusCode.NotFound, refused.StatusCode);
        Assert.True(sent.Code == Code.Sent, $"{sent.Code} {sent.Msg}");
    }

    [Fact]
    public async Task ListOnline_ShowsWhileAUserIsMuted()
    {
        await using var bob = await cluster.RegisterAsync(0, UniqueName.For("bob"));
        await using var listens = await bob.ListenAsync();
        var (admin, channel) = cluster.Admin(1);
        using var disposeChannel = channel;

        var muted = await admin.MuteAsync(new MuteRequest { Username = bob.Username, Reason = "spam", Duration = Duration.FromTimeSpan(TimeSpan.FromMinutes(3)) }, ModerationCluster.WithKey());
        var whileMuted = (await admin.ListOnlineAsync(new ListOnlineRequest(), ModerationCluster.WithKey())).Users.Single(u => u.Username == bob.Username);
        await admin.UnmuteAsync(new UnmuteRequest { Username = bob.Username }, ModerationCluster.WithKey());
        var afterUnmute = (await admin.ListOnlineAsync(new ListOnlineRequest(), ModerationCluster.WithKey())).Users.Single(u => u.Username == bob.Username);

        Assert.Equal(muted.MutedUntil.ToDateTimeOffset().ToUnixTimeSeconds(), whileMuted.MutedUntil?.ToDateTimeOffset().ToUnixTimeSeconds());
        Assert.Null(afterUnmute.MutedUntil);
    }
}
