using Aspire.Hosting.Testing;
using AspireChat.Protocol;
using AspireChat.Testing;

namespace AspireChat.AppHost.Tests;

// The AppHost's scale-out run, checked from outside as a user would: three chat replicas share one
// room through Redis, so where a client's connection lands does not matter.
[Collection(ScaleOutAppCollection.Name)]
public sealed class ScaleOutTests(ScaleOutAppFixture fixture)
{
    [Fact]
    public async Task ScaleOutRun_StartsRedis_AndThreeHealthyChatReplicasPointedAtIt()
    {
        var redis = fixture.App.GetEndpoint("redis", "tcp");

        Assert.Equal(ScaleOutAppFixture.Replicas, fixture.ChatReplicas.Count);
        Assert.All(fixture.ChatReplicas, replica => Assert.Equal($"{redis.Host}:{redis.Port}", fixture.EnvironmentOf(replica, "ConnectionStrings__redis")));
        Assert.Equal(ScaleOutAppFixture.Replicas, fixture.ChatReplicas.Select(fixture.GrpcEndpointOf).Distinct().Count());
        Assert.Equal(["+PONG"], await RedisProbe.CommandAsync(redis, "PING"));
        // Every write in the append-only file before it is acknowledged, no snapshots, loopback only.
        Assert.Equal(["appendonly", "yes"], await RedisProbe.CommandAsync(redis, "CONFIG", "GET", "appendonly"));
        Assert.Equal(["appendfsync", "always"], await RedisProbe.CommandAsync(redis, "CONFIG", "GET", "appendfsync"));
        Assert.Equal(["save", ""], await RedisProbe.CommandAsync(redis, "CONFIG", "GET", "save"));
        Assert.Equal(["bind", "127.0.0.1"], await RedisProbe.CommandAsync(redis, "CONFIG", "GET", "bind"));
    }

    [Fact]
    public async Task BotsOnDifferentReplicas_HearEachOther()
    {
        var (alice, bob) = await fixture.BotsOnDifferentReplicasAsync();
        var neither = fixture.ChatReplicas.Single(replica => replica != alice && replica != bob);
        await using var onAlices = await RoomListener.JoinAsync(fixture.GrpcEndpointOf(alice), "on-alices");
        await using var onNeither = await RoomListener.JoinAsync(fixture.GrpcEndpointOf(neither), "on-neither");
        // Each bot's script sends the other a direct message (line 2): their next ones are on
        // two replicas for sure.
        var aliceToBob = NextOutcomeOfScriptLineAsync("alice", 2, await TimesSaidAsync("alice", 2));
        var bobToAlice = NextOutcomeOfScriptLineAsync("bob", 2, await TimesSaidAsync("bob", 2));

        // A client on neither bot's replica hears both; alice's direct message to bob (her
        // script's line 2, between these two) is not among what it hears.
        await onNeither.WaitForAsync(m => m.User?.Username == "alice" && m.Msg == "hi, this is alice", "alice's greeting");
        var seenFrom = onNeither.Received.Count;
        await onNeither.WaitForAsync(m => m.User?.Username == "alice" && m.Msg == "the weather is lovely today", "alice's line after her direct message");
        var heardBetween = onNeither.Received.Skip(seenFrom).ToList();
        await onNeither.WaitForBroadcastAsync("bob");
        // bob, on his replica, hears a direct ping sent on alice's, and his pong comes back there.
        var ping = await onAlices.SendAsync("@bob ping");
        var pong = await onAlices.WaitForAsync(m => m.User?.Username == "bob" && m.Recipient is not null, "bob's pong");

        Assert.DoesNotContain(heardBetween, m => m.Recipient is not null || m.Msg.StartsWith('@'));
        Assert.Equal(MessageResponse.Types.Code.Sent, ping.Code);
        Assert.Equal($"@{onAlices.Username} pong", pong.Msg);
        // Accepted, so each bot is known on the other's replica (a direct message to a recipient
        // unknown there is refused, never delivered).
        Assert.Equal("sent", await aliceToBob);
        Assert.Equal("sent", await bobToAlice);
    }

    [Fact]
    public async Task ClientOnTheProxiedEndpoint_ChatsWithABotOnAnotherReplica()
    {
        var (alice, bob) = await fixture.BotsOnDifferentReplicasAsync();
        await using var visitor = await RoomListener.JoinAsync(fixture.ChatEndpoint, "visitor");
        var visitorsReplica = await fixture.WaitForRegistrationAsync(visitor.Username);
        // alice and bob are on two replicas: at least one of them is not on the visitor's.
        var (bot, botsReplica) = visitorsReplica != alice ? ("alice", alice) : ("bob", bob);

        await visitor.WaitForBroadcastAsync(bot);
        var ping = await visitor.SendAsync($"@{bot} ping");
        var pong = await visitor.WaitForAsync(m => m.User?.Username == bot && m.Recipient is not null, $"{bot}'s pong");

        Assert.NotEqual(visitorsReplica, botsReplica);
        Assert.Equal(MessageResponse.Types.Code.Sent, ping.Code);
        Assert.Equal($"@{visitor.Username} pong", pong.Msg);
    }

    [Fact]
    public async Task CrossReplicaBroadcast_OneTrace_GoesFromTheSender_ThroughRedis_ToTheReceiverOnAnotherReplica()
    {
        await fixture.BotsOnDifferentReplicasAsync();

        // alice's broadcast: accepted by her replica, sent through Redis, delivered by bob's replica
        // (another one) and received by bob, each span the child of the one before.
        var trace = await fixture.Telemetry.WaitForTraceAsync(spans =>
            HopsToBob(spans) is { } hops && hops.Broadcast.Instance != hops.Deliver.Instance,
            "a trace of alice's broadcast received by bob on another replica");
        var (send, broadcast, publish, deliver, receive) = HopsToBob(trace)!.Value;

        Assert.Equal(("alice", "chat", "chat", "chat", "bob"), (send.Resource, broadcast.Resource, publish.Resource, deliver.Resource, receive.Resource));
        Assert.Equal(broadcast.Instance, publish.Instance);
        Assert.NotEqual(publish.Instance, deliver.Instance);
    }

    // The chain alice's chat.send → chat.broadcast → chat.backplane.publish → bob's replica's
    // chat.backplane.deliver → bob's chat.receive, if the trace holds it.
    private static (DashboardSpan Send, DashboardSpan Broadcast, DashboardSpan Publish, DashboardSpan Deliver, DashboardSpan Receive)? HopsToBob(IReadOnlyList<DashboardSpan> spans)
    {
        var receive = spans.FirstOrDefault(s => s is { Resource: "bob", Name: "chat.receive" });
        var deliver = spans.FirstOrDefault(s => s.Name == "chat.backplane.deliver" && s.SpanId == receive?.ParentSpanId);
        var publish = spans.FirstOrDefault(s => s.Name == "chat.backplane.publish" && s.SpanId == deliver?.ParentSpanId);
        var broadcast = spans.FirstOrDefault(s => s.Name == "chat.broadcast" && s.SpanId == publish?.ParentSpanId);
        var send = spans.FirstOrDefault(s => s is { Resource: "alice", Name: "chat.send" });
        return receive is null || deliver is null || publish is null || broadcast is null || send is null
            ? null
            : (send, broadcast, publish, deliver, receive);
    }

    private async Task<int> TimesSaidAsync(string bot, int line) =>
        (await fixture.ConsoleLogsAsync(bot)).Count(l => l.Contains(Said(bot, line), StringComparison.Ordinal));

    // What the bot's log says of the next time it says its script's line: "sent", or why not.
    private async Task<string> NextOutcomeOfScriptLineAsync(string bot, int line, int timesBefore)
    {
        string? said = null;
        await TimeoutExtensions.WaitUntilAsync(
            async () =>
            {
                said = (await fixture.ConsoleLogsAsync(bot)).Where(l => l.Contains(Said(bot, line), StringComparison.Ordinal)).Skip(timesBefore).FirstOrDefault();
                return said is not null;
            },
            $"{bot} says line {line} of its script",
            TimeoutExtensions.StartupTimeoutSpan,
            TimeSpan.FromMilliseconds(250));
        var text = said!;
        return text[(text.IndexOf(Said(bot, line), StringComparison.Ordinal) + Said(bot, line).Length)..].TrimEnd().TrimEnd(')');
    }

    // BotLog's line for a script line: "Bot alice said line 2 of its script (sent)".
    private static string Said(string bot, int line) => $"Bot {bot} said line {line} of its script (";
}
