using System.Diagnostics;
using AspireChat.Conventions;
using AspireChat.Protocol;
using AspireChat.Testing;
using Xunit.Abstractions;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ScaleOut.Tests;

// A replica killed with SIGKILL tells nobody: its users' names are freed only after the grace
// period, and its clients resume on another replica without losing or repeating a message.
[Collection(BackplaneFaultsCollection.Name)]
public sealed class ReplicaFailureTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_gracePeriod = TimeSpan.FromSeconds(3);

    // "Within the grace period and a few seconds": the replicas' sweep and a dead replica's
    // liveness running out take that long at most.
    private static readonly TimeSpan s_freedWithin = s_gracePeriod + TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ReplicaKilled_ItsUsersNames_StayTakenForTheGracePeriod_ThenAreFree()
    {
        await using var cluster = await ChatCluster.StartAsync(2, new Dictionary<string, string> { ["Chat:ReconnectGracePeriod"] = $"{s_gracePeriod}" }, output).StartupTimeout();
        var name = UniqueName.For("alice");
        await using var alice = await cluster.RegisterAsync(0, name);
        await using var aliceListens = await alice.ListenAsync();
        await using var bob = await cluster.RegisterAsync(1, UniqueName.For("bob"));
        await using var bobListens = await bob.ListenAsync();
        await using var newcomer = cluster.Connect(1);
        await using var bobsRival = cluster.Connect(1);

        await cluster.KillReplicaAsync(0);
        var sinceKill = Stopwatch.StartNew();
        var rightAfter = await newcomer.AddUserAsync(name);
        await TimeoutExtensions.WaitUntilAsync(async () => (await newcomer.AddUserAsync(name)).Code == Code.Added, $"{name} is free again", s_freedWithin, TimeSpan.FromMilliseconds(100));
        var freedAfter = sinceKill.Elapsed;
        output.WriteLine($"{name} was free again {freedAfter.TotalSeconds:F1} s after the kill.");
        var bobAfter = await bobsRival.AddUserAsync(bob.Username!);

        Assert.True(rightAfter.Code == Code.Taken, $"{name} right after its replica was killed: {rightAfter.Code} {rightAfter.Msg}");
        // Timed from after the kill returned, so a little less than the time since the replica died.
        Assert.True(freedAfter >= s_gracePeriod - TimeSpan.FromMilliseconds(250), $"{name} was free {freedAfter.TotalSeconds:F1} s after the kill, within the grace period ({s_gracePeriod.TotalSeconds} s)");
        Assert.True(bobAfter.Code == Code.Taken, $"{bob.Username}, listening on the live replica, was freed too: {bobAfter.Code} {bobAfter.Msg}");
    }

    [Fact]
    public async Task ReplicaKilledWhileStreaming_ItsClientsResumeOnOtherReplicas_AndGetEverythingOnceInOrder()
    {
        await using var cluster = await ChatCluster.StartAsync(3, new Dictionary<string, string> { ["Chat:HistorySize"] = "100000" }, output).StartupTimeout();
        await using var alice = await cluster.RegisterAsync(0, UniqueName.For("alice"));
        await using var dave = await cluster.RegisterAsync(0, UniqueName.For("dave"));
        await using var carol = await cluster.RegisterAsync(2, UniqueName.For("carol"));
        await using var aliceOnA = await alice.ListenAsync();
        await using var daveOnA = await dave.ListenAsync();
        var epoch = (await aliceOnA.ReadyAsync()).GetValue(ChatMetadata.EpochHeader);
        using var stopSending = new CancellationTokenSource();
        var sending = SendSteadilyAsync(carol, stopSending.Token);
        var aliceSeen = (await aliceOnA.NextAsync(5)).ToList();
        var daveSeen = (await daveOnA.NextAsync(5)).ToList();

        await cluster.KillReplicaAsync(0);
        aliceSeen.AddRange(await aliceOnA.ReadToEndAsync());
        daveSeen.AddRange(await daveOnA.ReadToEndAsync());
        await using var aliceOnB = alice.SameUserOn(cluster.Channel(1));
        await using var daveOnC = dave.SameUserOn(cluster.Channel(2));
        await using var aliceResumed = await aliceOnB.ListenAsync(new ListenRequest { ResumeAfter = aliceSeen[^1].Sequence, ResumeEpoch = epoch });
        await using var daveResumed = await daveOnC.ListenAsync(new ListenRequest { ResumeAfter = daveSeen[^1].Sequence, ResumeEpoch = epoch });
        aliceSeen.AddRange(await aliceResumed.NextAsync(5));
        daveSeen.AddRange(await daveResumed.NextAsync(5));
        await stopSending.CancelAsync();
        var sent = await sending.DefaultTimeout();
        var done = await carol.SendAsync("done");
        aliceSeen.AddRange(await aliceResumed.ReadUntilAsync("done"));
        daveSeen.AddRange(await daveResumed.ReadUntilAsync("done"));

        Assert.All(sent.Append((Text: "done", Response: done)), s => Assert.True(s.Response.Code == Code.Sent, $"{s.Text}: {s.Response.Code} {s.Response.Msg}"));
        var expected = sent.Select(s => $"{s.Response.Sequence} {carol.Username}: {s.Text}").ToList();
        foreach (var (who, seen) in new[] { ("alice (replica 0, then 1)", aliceSeen), ("dave (replica 0, then 2)", daveSeen) })
        {
            var got = seen.Select(m => $"{m.Sequence} {m.User.Username}: {m.Msg}").ToList();
            Sequences.AssertSame(expected, got, $"{who} received");
        }
    }

    [Fact]
    public async Task ReplicaKilledRightAfterAcknowledging_TheMessageIsInTheSharedHistory()
    {
        await using var cluster = await ChatCluster.StartAsync(2, output: output).StartupTimeout();
        await using var alice = await cluster.RegisterAsync(0, UniqueName.For("alice"));
        await using var bob = await cluster.RegisterAsync(1, UniqueName.For("bob"));

        var sent = await alice.SendAsync("the last words of replica 0");
        await cluster.KillReplicaAsync(0);
        await using var fromTheStart = await bob.ListenAsync(new ListenRequest { ResumeAfter = 0 });
        var marker = await bob.SendAsync("marker");
        var history = await fromTheStart.ReadUntilAsync("marker");

        Assert.True(sent.Code == Code.Sent && marker.Code == Code.Sent, $"{sent.Code} {sent.Msg}; {marker.Code} {marker.Msg}");
        var kept = Assert.Single(history, m => m.User.Username == alice.Username);
        Assert.Equal("the last words of replica 0", kept.Msg);
        Assert.Equal(sent.Sequence, kept.Sequence);
    }

    // carol sends on her replica all along, about 50 messages a second, until told to stop.
    private static async Task<List<(string Text, MessageResponse Response)>> SendSteadilyAsync(ChatTestClient carol, CancellationToken stop)
    {
        var sent = new List<(string, MessageResponse)>();
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        try
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var text = $"steady #{i}";
                sent.Add((text, await carol.SendAsync(text)));
                await pace.WaitForNextTickAsync(stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Told to stop between two messages.
        }
        return sent;
    }
}
