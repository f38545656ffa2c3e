using AspireChat.Protocol;
using AspireChat.Testing;
using Grpc.Core;
using Xunit.Abstractions;
using static AspireChat.Protocol.MessageResponse.Types;
using static AspireChat.ScaleOut.Tests.BackplaneCalls;

namespace AspireChat.ScaleOut.Tests;

// redis-server paused (SIGSTOP) under two replicas with light traffic, then resumed (SIGCONT): a
// Redis that hangs, as in a long fork, a failover or a partition, rather than one that is gone.
// Its connections stay open and answer nothing; the Redis client times out, drops them and
// reconnects to a server that accepts and never answers. The replicas must stay up through all
// of it, refuse what needs Redis (UNAVAILABLE), keep their streams open, and carry on afterwards
// in one order with nothing acknowledged lost.
[Collection(BackplaneFaultsCollection.Name)]
public sealed class RedisStallTests(ITestOutputHelper output)
{
    // The injected fault: how long redis-server stays paused. Longer than every timeout of the
    // Redis client, shorter than the names' grace period (30 s), as the probe that found it did.
    private static readonly TimeSpan s_stall = TimeSpan.FromSeconds(20);

    // Light traffic while it lasts: a send every half second, each replica in turn.
    private static readonly TimeSpan s_trafficInterval = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task RedisPausedFor20Seconds_ReplicasStayUp_SendsAreUnavailable_AndAfterItResumesEveryAcknowledgedMessageArrivesInOrder()
    {
        await using var cluster = await ChatCluster.StartAsync(2, output: output).StartupTimeout();
        await using var alice = await cluster.RegisterAsync(0, UniqueName.For("alice"));
        await using var bob = await cluster.RegisterAsync(1, UniqueName.For("bob"));
        await using var aliceListens = await alice.ListenAsync();
        await using var bobListens = await bob.ListenAsync();
        var acknowledged = new List<(string Text, MessageResponse Response)> { ("before the stall", await alice.SendAsync("before the stall")) };

        await cluster.Redis.PauseAsync();
        var duringStall = await SendWhileStalledAsync([alice, bob]);
        await cluster.Redis.ResumeAsync();
        var aliveAfterStall = cluster.Replicas.Select(r => r.IsRunning).ToArray();
        output.WriteLine($"During the {s_stall.TotalSeconds:0} s stall: {string.Join("; ", duringStall.GroupBy(s => (s.Replica, Answer: Describe(s.Outcome))).Select(g => $"replica {g.Key.Replica}: {g.Count()} x {g.Key.Answer}"))}");
        acknowledged.Add(await SendUntilSentAsync(alice, "after the stall, via replica 0"));
        acknowledged.Add(await SendUntilSentAsync(bob, "after the stall, via replica 1"));
        var marker = UniqueName.For("marker");
        acknowledged.Add((marker, await bob.SendAsync(marker)));
        var aliceGot = await aliceListens.ReadUntilAsync(marker);
        var bobGot = await bobListens.ReadUntilAsync(marker);

        Assert.True(aliveAfterStall.All(alive => alive), $"a replica exited during the stall:{Environment.NewLine}{cluster.Output()}");
        Assert.All(cluster.Replicas, r => Assert.True(r.IsRunning, $"a replica exited after the stall:{Environment.NewLine}{cluster.Output()}"));
        Assert.All(acknowledged, a => Assert.True(a.Response.Code == Code.Sent, $"{a.Text}: {a.Response.Code} {a.Response.Msg}"));
        Assert.Contains(duringStall, s => s.Replica == 0);
        Assert.Contains(duringStall, s => s.Replica == 1);
        Assert.All(duringStall, s => AssertUnavailable(s.Outcome, $"'{s.Text}' on replica {s.Replica} while Redis was paused"));
        AssertBothSawOneRoom(aliceGot, bobGot, [alice.Username!, bob.Username!], acknowledged, duringStall.Select(s => s.Text).ToHashSet());
    }

    // The two replicas' listeners saw the same messages in sequence order: every acknowledged one,
    // with the number it was acknowledged with, and no message nobody sent.
    private static void AssertBothSawOneRoom(IReadOnlyList<Message> aliceGot, IReadOnlyList<Message> bobGot, string[] senders, List<(string Text, MessageResponse Response)> acknowledged, HashSet<string> attempted)
    {
        var aliceSaw = aliceGot.Where(m => senders.Contains(m.User.Username)).Select(m => (m.Sequence, Text: m.Msg)).ToList();
        var bobSaw = bobGot.Where(m => senders.Contains(m.User.Username)).Select(m => (m.Sequence, Text: m.Msg)).ToList();
        var described = $"alice's stream (replica 0):{Environment.NewLine}{string.Join(Environment.NewLine, aliceSaw)}{Environment.NewLine}bob's stream (replica 1):{Environment.NewLine}{string.Join(Environment.NewLine, bobSaw)}";
        Assert.True(aliceSaw.SequenceEqual(bobSaw), $"the two replicas' listeners saw different rooms:{Environment.NewLine}{described}");
        Assert.True(aliceSaw.Zip(aliceSaw.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence), $"not in sequence order, or repeated:{Environment.NewLine}{described}");
        // Everything acknowledged is there, with the number it was acknowledged with. A send
        // answered "not known whether it was done" may be there too: Redis may run it on resuming.
        var expected = acknowledged.Take(acknowledged.Count - 1).Select(a => (a.Response.Sequence, a.Text)).ToList();
        Assert.True(expected.All(aliceSaw.Contains), $"an acknowledged message is missing:{Environment.NewLine}{string.Join(Environment.NewLine, expected)}{Environment.NewLine}{described}");
        Assert.All(aliceSaw.Except(expected), m => Assert.True(attempted.Contains(m.Text) || m.Text.StartsWith("after the stall", StringComparison.Ordinal), $"a message nobody sent: {m}"));
    }

    // Light traffic for as long as the stall lasts; returns how each send was answered.
    private static async Task<List<(string Text, int Replica, (MessageResponse? Response, RpcException? Error) Outcome)>> SendWhileStalledAsync(IReadOnlyList<ChatTestClient> senders)
    {
        var outcomes = new List<(string, int, (MessageResponse?, RpcException?))>();
        using var stall = new CancellationTokenSource(s_stall);
        using var traffic = new PeriodicTimer(s_trafficInterval);
        for (var i = 0; !stall.IsCancellationRequested; i++)
        {
            var text = $"during the stall #{i}";
            outcomes.Add((text, i % senders.Count, await TryAsync(senders[i % senders.Count].SendAsync(text))));
            try
            {
                await traffic.WaitForNextTickAsync(stall.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return outcomes;
    }

    private static string Describe((MessageResponse? Response, RpcException? Error) outcome) => outcome switch
    {
        ({ } response, _) => $"answered {response.Code}",
        (_, { } error) when IsConnectionError(error) => $"{error.StatusCode} from the client (replica unreachable)",
        (_, { } error) => $"{error.StatusCode} \"{error.Status.Detail}\"",
        _ => "nothing",
    };
}
