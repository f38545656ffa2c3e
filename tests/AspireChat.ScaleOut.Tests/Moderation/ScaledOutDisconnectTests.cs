using System.Globalization;
using AspireChat.Conventions;
using AspireChat.Protocol;
using AspireChat.Protocol.Admin;
using AspireChat.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ScaleOut.Tests.Moderation;

// A disconnect through one replica ends the user's streams on every replica with the operator's
// notice (then PERMISSION_DENIED), ends the session (the room sees the user leave), and holds the
// name on every replica until the hold is over.
[Collection(ModerationCollection.Name)]
public sealed class ScaledOutDisconnectTests(ModerationCluster cluster)
{
    private static readonly TimeSpan s_hold = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task DisconnectThroughOneReplica_EndsTheStreamsOnEveryReplica_HoldsTheName_ThenFreesIt()
    {
        await using var owned = new AsyncDisposableList();
        var bob = owned.Add(await cluster.RegisterAsync(1, UniqueName.For("bob")));
        var bobOnA = owned.Add(bob.SameUserOn(cluster.Channel(0)));
        var bobListensOnB = owned.Add(await bob.ListenAsync());
        var bobListensOnA = owned.Add(await bobOnA.ListenAsync());
        var alice = owned.Add(await cluster.RegisterAsync(0, UniqueName.For("alice")));
        var aliceListens = owned.Add(await alice.ListenAsync(new ListenRequest { IncludePresence = true }));
        var (admin, channel) = cluster.Admin(0);
        using var disposeChannel = channel;

        var disconnected = await admin.DisconnectAsync(new DisconnectRequest { Username = bob.Username, Reason = "abusive language", HoldFor = Duration.FromTimeSpan(s_hold) }, ModerationCluster.WithKey());
        var heldUntil = disconnected.HeldUntil.ToDateTimeOffset();
        var expected = $"You were disconnected by the room's operator: abusive language. The name {bob.Username} is held until {heldUntil.UtcDateTime:HH:mm:ss} UTC.";
        await NoticeThenDeniedAsync("B", bobListensOnB, bob.Username!, expected);
        await NoticeThenDeniedAsync("A", bobListensOnA, bob.Username!, expected);
        var takenOnA = await owned.Add(cluster.Connect(0)).AddUserAsync(bob.Username!);
        var takenOnB = await owned.Add(cluster.Connect(1)).AddUserAsync(bob.Username!.ToUpperInvariant());
        var oldSession = await Assert.ThrowsAsync<RpcException>(() => bob.SendAsync("still here?"));
        await alice.SendAsync("marker");

        Assert.Equal(bob.Username, disconnected.Username);
        foreach (var (replica, taken) in new[] { ("A", takenOnA), ("B", takenOnB) })
        {
            Assert.True(taken.Code == Code.Taken, $"{bob.Username} on replica {replica}: {taken.Code} {taken.Msg}");
            Assert.Contains("held by the room's operator", taken.Msg);
        }
        Assert.Equal(StatusCode.Unauthenticated, oldSession.StatusCode);
        Assert.DoesNotContain(await aliceListens.ReadUntilAsync("marker"), m => m.Kind == Message.Types.Kind.Announcement);
        await LeftAsync(aliceListens, bob.Username!);
        await FreeAfterTheHoldAsync(bob.Username!, heldUntil);
    }

    // What a replica sees when the notice passed it by (its subscription was down): the session
    // gone from Redis and the name held. Its next renewal ends the user's streams there, and does
    // not take the name back for them.
    [Fact]
    public async Task NoticeMissedByAReplica_ItsNextRenewalEndsTheSession()
    {
        await using var bob = await cluster.RegisterAsync(1, UniqueName.For("bob"));
        await using var listens = await bob.ListenAsync();
        var redis = new Uri($"redis://{cluster.Redis.ConnectionString}");
        var heldUntil = DateTimeOffset.UtcNow.AddMinutes(1);

        await RedisProbe.CommandAsync(redis, "SET", $"{{aspirechat}}:hold:{Usernames.Key(bob.Username!)}", heldUntil.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), "PX", "60000");
        await RedisProbe.CommandAsync(redis, "DEL", $"{{aspirechat}}:user:{Usernames.Key(bob.Username!)}", $"{{aspirechat}}:look:{Usernames.Skeleton(bob.Username!)}");
        var end = await Assert.ThrowsAsync<RpcException>(() => listens.Completion.DefaultTimeout());
        var (admin, channel) = cluster.Admin(0);
        using var disposeChannel = channel;
        var online = await admin.ListOnlineAsync(new ListOnlineRequest(), ModerationCluster.WithKey());
        await using var another = cluster.Connect(0);
        var taken = await another.AddUserAsync(bob.Username!);

        Assert.Equal(StatusCode.Unauthenticated, end.StatusCode);
        Assert.DoesNotContain(online.Users, u => u.Username == bob.Username);
        Assert.True(taken.Code == Code.Taken && taken.Msg.Contains("held by the room's operator", StringComparison.Ordinal), $"{taken.Code} {taken.Msg}");
    }

    [Fact]
    public async Task Disconnect_OfANameNobodyHasOnline_IsNotFound()
    {
        var (admin, channel) = cluster.Admin(1);
        using var disposeChannel = channel;

        var refused = await Assert.ThrowsAsync<RpcException>(() => admin.DisconnectAsync(new DisconnectRequest { Username = UniqueName.For("nobody"), Reason = "spam" }, ModerationCluster.WithKey()).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
    }

    // The notice, to the user alone, then the end of the stream with the same text.
    private static async Task NoticeThenDeniedAsync(string replica, StreamProbe<Message> stream, string name, string expected)
    {
        var notice = await stream.NextAsync();
        Assert.True(notice.Kind == Message.Types.Kind.Announcement, $"on replica {replica}: {notice.Kind} {notice.User?.Username}: {notice.Msg}");
        Assert.Equal("room", notice.User?.Username);
        Assert.Equal(name, notice.Recipient?.Username);
        Assert.Equal(expected, notice.Msg);
        var end = await Assert.ThrowsAsync<RpcException>(() => stream.Completion.DefaultTimeout());
        Assert.Equal(StatusCode.PermissionDenied, end.StatusCode);
        Assert.Equal(expected, end.Status.Detail);
    }

    // The room sees the user leave (once: the LEFT notice of a session goes out once).
    private static async Task LeftAsync(StreamProbe<Message> stream, string name)
    {
        var message = await stream.NextAsync();
        while (!(message.Kind == Message.Types.Kind.Left && message.User?.Username == name))
        {
            message = await stream.NextAsync();
        }
    }

    // Not before the time the operator was told, and soon after it, on either replica.
    private async Task FreeAfterTheHoldAsync(string name, DateTimeOffset heldUntil)
    {
        var replica = 0;
        await TimeoutExtensions.WaitUntilAsync(async () =>
        {
            await using var client = cluster.Connect(replica++ % 2);
            var response = await client.AddUserAsync(name);
            Assert.True(response.Code == Code.Added || DateTimeOffset.UtcNow < heldUntil.AddSeconds(1), $"{name} at {DateTimeOffset.UtcNow:HH:mm:ss.fff}, held until {heldUntil:HH:mm:ss.fff}: {response.Code} {response.Msg}");
            Assert.True(response.Code != Code.Added || DateTimeOffset.UtcNow >= heldUntil.AddMilliseconds(-100), $"{name} was added at {DateTimeOffset.UtcNow:HH:mm:ss.fff}, held until {heldUntil:HH:mm:ss.fff}");
            return response.Code == Code.Added;
        }, $"{name} is free again after the hold", s_hold + TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(250));
    }
}
