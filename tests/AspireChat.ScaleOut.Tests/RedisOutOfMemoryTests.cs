using AspireChat.Testing;
using Xunit.Abstractions;
using static AspireChat.Protocol.MessageResponse.Types;
using static AspireChat.ScaleOut.Tests.BackplaneCalls;

namespace AspireChat.ScaleOut.Tests;

// Redis at its memory limit with no eviction: it answers every command, and refuses every one
// that could make it grow ("OOM ..."). Callers are told that, not that Redis cannot be reached;
// nothing they asked for is done; the replica keeps running, and works again once memory is
// available.
[Collection(BackplaneFaultsCollection.Name)]
public sealed class RedisOutOfMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task WhileRedisIsOutOfMemory_AddUserAndSendMessage_AreUnavailable_SayingSo_AndTheReplicaRecoversWhenTheLimitIsLifted()
    {
        await using var cluster = await ChatCluster.StartAsync(1, output: output).StartupTimeout();
        await using var alice = await cluster.RegisterAsync(0, UniqueName.For("alice"));
        await using var aliceListens = await alice.ListenAsync();
        await using var newcomer = cluster.Connect(0);
        var before = await alice.SendAsync("before redis ran out of memory");

        Assert.Equal(["+OK"], await cluster.Redis.CommandAsync("CONFIG", "SET", "maxmemory-policy", "noeviction"));
        Assert.Equal(["+OK"], await cluster.Redis.CommandAsync("CONFIG", "SET", "maxmemory", "1"));
        var registers = await TryAsync(newcomer.AddUserAsync(UniqueName.For("newcomer")));
        var sends = await TryAsync(alice.SendAsync("refused: redis is out of memory"));
        Assert.Equal(["+OK"], await cluster.Redis.CommandAsync("CONFIG", "SET", "maxmemory", "0"));
        var after = await SendUntilSentAsync(alice, "after the limit was lifted");
        var registersAfter = await newcomer.AddUserAsync(UniqueName.For("newcomer"));
        var marker = UniqueName.For("marker");
        await alice.SendAsync(marker);
        var received = await aliceListens.ReadUntilAsync(marker);

        Assert.Equal(Code.Sent, before.Code);
        foreach (var (outcome, what) in new[] { (registers.Error, "AddUser"), (sends.Error, "SendMessage") })
        {
            AssertUnavailable<object>((null, outcome), $"{what} while Redis is out of memory");
            Assert.Contains("out of memory", outcome!.Status.Detail, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("cannot be reached", outcome.Status.Detail, StringComparison.OrdinalIgnoreCase);
        }
        Assert.True(after.Response.Code == Code.Sent, $"after the limit was lifted: {after.Response.Code} {after.Response.Msg}");
        Assert.True(registersAfter.Code == Code.Added, $"AddUser after the limit was lifted: {registersAfter.Code} {registersAfter.Msg}");
        var got = received.Where(m => m.User.Username == alice.Username).Select(m => $"{m.Sequence}: {m.Msg}").ToList();
        var expected = new[] { $"{before.Sequence}: before redis ran out of memory", $"{after.Response.Sequence}: {after.Text}" };
        Sequences.AssertSame(expected, got, "alice's stream:");
        Assert.True(cluster.Replicas[0].IsRunning, $"the replica exited:{Environment.NewLine}{cluster.Output()}");
    }
}
