using AspireChat.Conventions;
using AspireChat.Protocol;
using AspireChat.Testing;
using Grpc.Core;
using Xunit.Abstractions;
using static AspireChat.ScaleOut.Tests.BackplaneCalls;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ScaleOut.Tests;

// redis-server killed (SIGKILL) under two replicas: what needs Redis fails loudly (UNAVAILABLE),
// never silently; open streams stay open; and when Redis comes back on its port with its
// append-only file, the replicas recover by themselves with nothing acknowledged lost.
[Collection(BackplaneFaultsCollection.Name)]
public sealed class RedisOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task WhileRedisIsDown_SendsAndRegistrations_AreUnavailable_AndListenStreamsStayOpen()
    {
        await using var cluster = await ChatCluster.StartAsync(2, output: output).StartupTimeout();
        await using var alice = await cluster.RegisterAsync(0, UniqueName.For("alice"));
        await using var bob = await cluster.RegisterAsync(1, UniqueName.For("bob"));
        await using var aliceListens = await alice.ListenAsync();
        await using var bobListens = await bob.ListenAsync();
        await using var newcomerOn0 = cluster.Connect(0);
        await using var newcomerOn1 = cluster.Connect(1);

        await cluster.Redis.KillAsync();
        var aliceSends = await TryAsync(alice.SendAsync("while redis is down"));
        var bobSends = await TryAsync(bob.SendAsync($"@{alice.Username} while redis is down"));
        var registersOn0 = await TryAsync(newcomerOn0.AddUserAsync(UniqueName.For("newcomer")));
        var registersOn1 = await TryAsync(newcomerOn1.AddUserAsync(UniqueName.For("newcomer")));

        AssertUnavailable(aliceSends, "a broadcast on replica 0");
        AssertUnavailable(bobSends, "a direct message on replica 1");
        AssertUnavailable(registersOn0, "AddUser on replica 0");
        AssertUnavailable(registersOn1, "AddUser on replica 1");
        Assert.False(aliceListens.Completion.IsCompleted, "alice's stream on replica 0 ended");
        Assert.False(bobListens.Completion.IsCompleted, "bob's stream on replica 1 ended");
        Assert.All(cluster.Replicas, r => Assert.True(r.IsRunning, $"a replica exited:{Environment.NewLine}{cluster.Output()}"));
    }

    [Fact]
    public async Task WhileRedisIsDown_ListenWithASessionThisReplicaCannotLookUp_IsUnavailable()
    {
        await using var cluster = await ChatCluster.StartAsync(2, output: output).StartupTimeout();
        await using var bob = await cluster.RegisterAsync(1, UniqueName.For("bob"));
        await using var bobOn0 = bob.SameUserOn(cluster.Channel(0));

        await cluster.Redis.KillAsync();
        using var call = bobOn0.OpenListen();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext().DefaultTimeout());

        AssertUnavailable<MessageResponse>((null, error), "Listen on replica 0 with a session issued by replica 1");
    }

    [Fact]
    public async Task AfterRedisRestarts_SendsSucceedAgain_SequencesKeepGrowing_AndNoAcknowledgedMessageIsLost()
    {
        await using var cluster = await ChatCluster.StartAsync(2, output: output).StartupTimeout();
        await using var alice = await cluster.RegisterAsync(0, UniqueName.For("alice"));
        await using var bob = await cluster.RegisterAsync(1, UniqueName.For("bob"));
        var before = new List<(string Text, MessageResponse Response)>();
        for (var i = 0; i < 6; i++)
        {
            var text = $"before the outage #{i}";
            before.Add((text, await (i % 2 == 0 ? alice : bob).SendAsync(text)));
        }

        await cluster.Redis.KillAsync();
        var refused = await TryAsync(alice.SendAsync("refused while redis is down"));
        await cluster.Redis.StartAsync();
        var afterOn0 = await SendUntilSentAsync(alice, "after the outage, via replica 0");
        var afterOn1 = await SendUntilSentAsync(bob, "after the outage, via replica 1");
        var marker = UniqueName.For("marker");
        await bob.SendAsync(marker);
        var histories = new List<IReadOnlyList<Message>>();
        for (var r = 0; r < cluster.Replicas.Count; r++)
        {
            await using var reader = await cluster.RegisterAsync(r, UniqueName.For("reader"));
            await using var fromTheStart = await reader.ListenAsync(new ListenRequest { ResumeAfter = 0 });
            histories.Add(await fromTheStart.ReadUntilAsync(marker));
        }

        Assert.All(before, b => Assert.True(b.Response.Code == Code.Sent, $"{b.Text}: {b.Response.Code} {b.Response.Msg}"));
        AssertUnavailable(refused, "a broadcast while Redis was down");
        Assert.True(afterOn0.Response.Code == Code.Sent && afterOn1.Response.Code == Code.Sent, $"after the outage: {afterOn0.Response.Code} {afterOn0.Response.Msg}; {afterOn1.Response.Code} {afterOn1.Response.Msg}");
        var lastBefore = before.Max(b => b.Response.Sequence);
        Assert.True(afterOn0.Response.Sequence > lastBefore && afterOn1.Response.Sequence > afterOn0.Response.Sequence,
            $"sequences before the outage up to {lastBefore}, after it {afterOn0.Response.Sequence} then {afterOn1.Response.Sequence}");
        AssertEveryReplicaReplays(before.Append(afterOn0).Append(afterOn1), histories, [alice.Username!, bob.Username!]);
    }

    // Each replica's history, resumed from 0, holds exactly the senders' acknowledged messages.
    private static void AssertEveryReplicaReplays(IEnumerable<(string Text, MessageResponse Response)> sent, List<IReadOnlyList<Message>> histories, string[] senders)
    {
        var expected = sent.Select(s => $"{s.Response.Sequence}: {s.Text}").ToList();
        foreach (var (history, r) in histories.Select((h, r) => (h, r)))
        {
            var got = history.Where(m => senders.Contains(m.User.Username)).Select(m => $"{m.Sequence}: {m.Msg}").ToList();
            Sequences.AssertSame(expected, got, $"resume from 0 on replica {r} after the outage:");
        }
    }

    [Fact]
    public async Task AfterRedisRestarts_StreamsOpenedBeforeTheOutage_GetEveryNewMessageOnce()
    {
        await using var cluster = await ChatCluster.StartAsync(2, output: output).StartupTimeout();
        await using var alice = await cluster.RegisterAsync(0, UniqueName.For("alice"));
        await using var bob = await cluster.RegisterAsync(1, UniqueName.For("bob"));
        await using var aliceListens = await alice.ListenAsync();
        await using var bobListens = await bob.ListenAsync();
        Assert.Equal(Code.Sent, (await alice.SendAsync("before the outage")).Code);
        Assert.Equal("before the outage", (await aliceListens.NextAsync()).Msg);
        Assert.Equal("before the outage", (await bobListens.NextAsync()).Msg);

        await cluster.Redis.KillAsync();
        await cluster.Redis.StartAsync();
        var afterOn0 = await SendUntilSentAsync(alice, "after the outage, via replica 0");
        var afterOn1 = await SendUntilSentAsync(bob, "after the outage, via replica 1");
        var marker = await bob.SendAsync("marker");

        Assert.True(marker.Code == Code.Sent, $"marker: {marker.Code} {marker.Msg}");
        var expected = new[] { afterOn0, afterOn1 }.Select(s => $"{s.Response.Sequence}: {s.Text}").ToList();
        foreach (var (who, stream) in new[] { ("alice's stream on replica 0", aliceListens), ("bob's stream on replica 1", bobListens) })
        {
            var got = (await stream.ReadUntilAsync("marker")).Select(m => $"{m.Sequence}: {m.Msg}").ToList();
            Sequences.AssertSame(expected, got, $"{who} after the outage:");
        }
    }

    // The epoch and the sequence numbers are Redis's and survive its restart: a resume point from
    // before the outage still means the same place in the room.
    [Fact]
    public async Task AfterRedisRestarts_AResumeFromBeforeTheOutage_GivesExactlyWhatWasMissed()
    {
        await using var cluster = await ChatCluster.StartAsync(2, output: output).StartupTimeout();
        await using var alice = await cluster.RegisterAsync(0, UniqueName.For("alice"));
        await using var bob = await cluster.RegisterAsync(1, UniqueName.For("bob"));
        ulong lastSeen;
        string? epoch;
        await using (var before = await alice.ListenAsync())
        {
            Assert.Equal(Code.Sent, (await bob.SendAsync("before the outage")).Code);
            lastSeen = (await before.NextAsync()).Sequence;
            epoch = (await before.ReadyAsync()).GetValue(ChatMetadata.EpochHeader);
        }

        await cluster.Redis.KillAsync();
        await cluster.Redis.StartAsync();
        var missed = await SendUntilSentAsync(bob, "while alice was away");
        await using var aliceOn1 = alice.SameUserOn(cluster.Channel(1));
        await using var resumed = await aliceOn1.ListenAsync(new ListenRequest { ResumeAfter = lastSeen, ResumeEpoch = epoch });
        var marker = await bob.SendAsync("marker");
        var received = await resumed.ReadUntilAsync("marker");

        Assert.True(missed.Response.Code == Code.Sent && marker.Code == Code.Sent, $"{missed.Response.Code} {missed.Response.Msg}; {marker.Code} {marker.Msg}");
        Assert.Equal(epoch, (await resumed.ReadyAsync()).GetValue(ChatMetadata.EpochHeader));
        var got = received.Select(m => $"{m.Sequence}: {m.Msg}").ToList();
        Assert.True(got.SequenceEqual([$"{missed.Response.Sequence}: {missed.Text}"]), $"resumed after {lastSeen} on replica 1:{Environment.NewLine}{string.Join(Environment.NewLine, got)}{Environment.NewLine}instead of {missed.Response.Sequence}: {missed.Text}");
    }
}
