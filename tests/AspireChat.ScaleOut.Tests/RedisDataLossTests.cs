using AspireChat.Conventions;
using AspireChat.Protocol;
using AspireChat.Testing;
using Grpc.Core;
using Xunit.Abstractions;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ScaleOut.Tests;

// Redis loses its data (FLUSHALL: no persistence, or a new Redis) under two replicas: they start
// a new room (a new epoch) and end their streams (UNAVAILABLE); clients listen again and get the
// new room from its start; the replicas take back their listening users' names; and nothing of
// the old room (ids, sequence numbers) leaks into the new one.
[Collection(BackplaneFaultsCollection.Name)]
public sealed class RedisDataLossTests(ITestOutputHelper output)
{
    // A short grace, so the replicas renew their listeners' names every half second.
    private static readonly Dictionary<string, string> s_shortGrace = new() { ["Chat:ReconnectGracePeriod"] = "00:00:02" };

    // One sweep interval (a quarter of the grace period) with time to spare on a busy machine.
    private static readonly TimeSpan s_takenBackWithin = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AfterRedisLosesItsData_ANewUser_NeverSharesAnIdWithATakenBackOne_SoADirectMessageReachesOnlyThem()
    {
        await using var cluster = await ChatCluster.StartAsync(2, s_shortGrace, output).StartupTimeout();
        await using var alice = await cluster.RegisterAsync(0, UniqueName.For("alice"));
        await using var bob = await cluster.RegisterAsync(1, UniqueName.For("bob"));
        await using var aliceBefore = await alice.ListenAsync();
        await using var bobBefore = await bob.ListenAsync();
        var epoch = (await aliceBefore.ReadyAsync()).GetValue(ChatMetadata.EpochHeader);
        Assert.Equal(Code.Sent, (await bob.SendAsync("before the flush")).Code);
        var lastSeen = (await aliceBefore.NextAsync()).Sequence;

        await FlushAllAsync(cluster);
        var aliceEnded = await EndOfAsync(aliceBefore);
        var bobEnded = await EndOfAsync(bobBefore);
        await using var aliceListens = await ListenAgainAsync(alice, new ListenRequest { ResumeAfter = lastSeen, ResumeEpoch = epoch });
        await using var bobListens = await ListenAgainAsync(bob, new ListenRequest { ResumeAfter = lastSeen, ResumeEpoch = epoch });
        await WaitUntilTakenBackAsync(cluster, alice);
        await WaitUntilTakenBackAsync(cluster, bob);
        await using var dave = await cluster.RegisterAsync(1, UniqueName.For("dave"));
        await using var daveListens = await dave.ListenAsync();
        var secret = await bob.SendAsync($"@{dave.Username} the secret is 42");
        var marker = await bob.SendAsync("marker");

        Assert.True(aliceEnded.StatusCode == StatusCode.Unavailable, $"alice's stream on replica 0 ended with {aliceEnded.StatusCode} {aliceEnded.Status.Detail}");
        Assert.True(bobEnded.StatusCode == StatusCode.Unavailable, $"bob's stream on replica 1 ended with {bobEnded.StatusCode} {bobEnded.Status.Detail}");
        Assert.True(secret.Code == Code.Sent && marker.Code == Code.Sent, $"{secret.Code} {secret.Msg}; {marker.Code} {marker.Msg}");
        var direct = Assert.Single(await daveListens.ReadUntilAsync("marker"));
        Assert.Equal($"{bob.Username} to {dave.Username}: @{dave.Username} the secret is 42", $"{direct.User.Username} to {direct.Recipient?.Username}: {direct.Msg}");
        foreach (var (who, stream) in new[] { ("alice's stream on replica 0", aliceListens), ("bob's stream on replica 1", bobListens) })
        {
            var leaked = await stream.ReadUntilAsync("marker");
            Assert.True(leaked.Count == 0, $"{who} received: {string.Join(" | ", leaked.Select(m => $"{m.Sequence} {m.User.Username}: {m.Msg}"))}");
        }
    }

    [Fact]
    public async Task RedisLosesItsDataWhileMessagesFlow_AListenerThatListensAgain_GetsEveryMessageOfTheNewRoomOnce()
    {
        await using var cluster = await ChatCluster.StartAsync(2, s_shortGrace, output).StartupTimeout();
        await using var alice = await cluster.RegisterAsync(0, UniqueName.For("alice"));
        await using var bob = await cluster.RegisterAsync(1, UniqueName.For("bob"));
        await using var aliceBefore = await alice.ListenAsync();
        var epoch = (await aliceBefore.ReadyAsync()).GetValue(ChatMetadata.EpochHeader);
        using var stopSending = new CancellationTokenSource();
        var sending = SendAcrossAFlushAsync(cluster, bob, flushAfter: 10, stopSending.Token);

        var oldRoom = await aliceBefore.ReadToEndAsync();
        var ended = await EndOfAsync(aliceBefore);
        await using var resumed = await ListenAgainAsync(alice, new ListenRequest { ResumeAfter = oldRoom.Count > 0 ? oldRoom[^1].Sequence : 0, ResumeEpoch = epoch });
        var newEpoch = (await resumed.ReadyAsync()).GetValue(ChatMetadata.EpochHeader);
        var newRoom = (await resumed.NextAsync(5)).ToList();
        await stopSending.CancelAsync();
        var sent = await sending.DefaultTimeout();
        var done = await bob.SendAsync("done");
        newRoom.AddRange(await resumed.ReadUntilAsync("done"));

        Assert.True(ended.StatusCode == StatusCode.Unavailable, $"alice's stream ended with {ended.StatusCode} {ended.Status.Detail}");
        Assert.True(done.Code == Code.Sent, $"done: {done.Code} {done.Msg}");
        Assert.NotEqual(epoch, newEpoch);
        var beforeFlush = sent.Where(s => !s.AfterFlush).Select(s => $"{s.Response.Sequence} {bob.Username}: {s.Text}").ToList();
        var afterFlush = sent.Where(s => s.AfterFlush).Select(s => $"{s.Response.Sequence} {bob.Username}: {s.Text}").ToList();
        AssertSame(beforeFlush, oldRoom, "alice's stream of the old room");
        AssertSame(afterFlush, newRoom, "alice, listening again with the old room's resume point");
        var firstOfNewRoom = sent.First(s => s.AfterFlush).Response.Sequence;
        // 1, or a little more: JOINED notices of users registering again are numbered too.
        Assert.True(firstOfNewRoom <= 3, $"the new room's first message has sequence {firstOfNewRoom}; the old room's last had {sent.Last(s => !s.AfterFlush).Response.Sequence}");
    }

    [Fact]
    public async Task RedisLosesTheNamesOfManyListenersOnOneReplica_ItsNextRenewal_TakesEachBackForItsSession()
    {
        // More users than one renewal script carries, so that every batch, and a part-filled one, is checked.
        const int users = 250;
        await using var cluster = await ChatCluster.StartAsync(1, s_shortGrace, output).StartupTimeout();
        using var channel = cluster.Channel(0);
        var clients = Enumerable.Range(0, users).Select(_ => new ChatTestClient(channel)).ToList();
        var streams = new List<StreamProbe<Message>>();
        foreach (var client in clients)
        {
            Assert.Equal(Code.Added, (await client.AddUserAsync(UniqueName.For("u"))).Code);
            streams.Add(await client.ListenAsync());
        }

        await RedisProbe.CommandAsync(RedisEndpoint(cluster), "EVAL", "for _, key in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', key) end", "0", "{aspirechat}:user:*");
        await TimeoutExtensions.WaitUntilAsync(
            async () => (await RedisProbe.CommandAsync(RedisEndpoint(cluster), "KEYS", "{aspirechat}:user:*")).Count == users,
            $"all {users} names are back in Redis", s_takenBackWithin, TimeSpan.FromMilliseconds(100));

        foreach (var client in clients)
        {
            var token = await RedisProbe.CommandAsync(RedisEndpoint(cluster), "HGET", $"{{aspirechat}}:user:{Usernames.Key(client.Username!)}", "token");
            Assert.True(token is [var held] && held == client.SessionToken, $"{client.Username}'s name is back for another session");
        }
        foreach (var stream in streams)
        {
            await stream.DisposeAsync();
        }
    }

    // bob sends about 7 messages a second; after flushAfter of them Redis loses its data, between
    // two sends, so each send is of one room or the other. A refused send (his session is gone
    // with the data) is followed by AddUser with his old token (the same name back) and not kept.
    private static async Task<List<(string Text, MessageResponse Response, bool AfterFlush)>> SendAcrossAFlushAsync(ChatCluster cluster, ChatTestClient bob, int flushAfter, CancellationToken stop)
    {
        var sent = new List<(string, MessageResponse, bool)>();
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(150));
        try
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                if (i == flushAfter)
                {
                    await FlushAllAsync(cluster);
                }
                var text = $"steady #{i}";
                if (await TrySendAsync(bob, text) is { Code: Code.Sent } response)
                {
                    sent.Add((text, response, i >= flushAfter));
                }
                await pace.WaitForNextTickAsync(stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Told to stop between two messages.
        }
        return sent;
    }

    // The answer, or null when the session was gone and the sender has registered again.
    private static async Task<MessageResponse?> TrySendAsync(ChatTestClient sender, string text)
    {
        try
        {
            return await sender.SendAsync(text);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unauthenticated)
        {
            await RegisterAgainAsync(sender);
            return null;
        }
    }

    private static async Task RegisterAgainAsync(ChatTestClient client)
    {
        var again = await client.AddUserAsync(client.Username!);
        Assert.True(again.Code == Code.Added, $"{client.Username} registering again after the flush: {again.Code} {again.Msg}");
    }

    // Listens again; a session the replica no longer knows registers again first (its old token
    // asks for the same name).
    private static async Task<StreamProbe<Message>> ListenAgainAsync(ChatTestClient client, ListenRequest request)
    {
        try
        {
            return await client.ListenAsync(request);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unauthenticated)
        {
            await RegisterAgainAsync(client);
            return await client.ListenAsync(request);
        }
    }

    // How a stream the service ends (within the default deadline) ended.
    private static async Task<RpcException> EndOfAsync(StreamProbe<Message> stream)
    {
        try
        {
            await stream.Completion.DefaultTimeout();
        }
        catch (RpcException ex)
        {
            return ex;
        }
        throw new InvalidOperationException("The stream ended without an error status.");
    }

    private static async Task FlushAllAsync(ChatCluster cluster) =>
        Assert.Equal(["+OK"], await RedisProbe.CommandAsync(RedisEndpoint(cluster), "FLUSHALL"));

    // The replica takes the name back for the client's own session.
    private static Task WaitUntilTakenBackAsync(ChatCluster cluster, ChatTestClient client) =>
        TimeoutExtensions.WaitUntilAsync(
            async () => (await RedisProbe.CommandAsync(RedisEndpoint(cluster), "HGET", $"{{aspirechat}}:user:{Usernames.Key(client.Username!)}", "token")) is [var token] && token == client.SessionToken,
            $"{client.Username}'s name is back in Redis for its session", s_takenBackWithin, TimeSpan.FromMilliseconds(100));

    private static Uri RedisEndpoint(ChatCluster cluster) => new($"redis://{cluster.Redis.ConnectionString}");

    private static void AssertSame(List<string> expected, IReadOnlyList<Message> received, string who)
    {
        var got = received.Select(m => $"{m.Sequence} {m.User.Username}: {m.Msg}").ToList();
        Sequences.AssertSame(expected, got, $"{who} received");
    }
}
