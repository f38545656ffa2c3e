using AspireChat.Protocol;
using AspireChat.Testing;
using Grpc.Core;

namespace AspireChat.ChatService.FunctionalTests;

// Listen over real gRPC against the real service: slow listeners, resume, history and presence.
public sealed class ListenTests(ChatServiceFactory server) : IClassFixture<ChatServiceFactory>
{
    [Fact]
    public async Task SlowListener_IsDropped_WhileAFastListenerReceivesEverythingInOrder()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var fast = await ChatTestClient.RegisterAsync(server, UniqueName.For("fast"));
        // The slow client never reads: its HTTP/2 window fills, then its queue on the service.
        await using var slow = new ChatTestClient(server.CreateChannel(handler => handler.InitialHttp2StreamWindowSize = 65535));
        await slow.AddUserAsync(UniqueName.For("slow"));
        await using var fastListens = await fast.ListenAsync();
        using var slowCall = slow.OpenListen();
        await slowCall.ResponseHeadersAsync.DefaultTimeout();

        var sent = new List<ulong>();
        for (var i = 0; i < 300; i++)
        {
            sent.Add((await alice.SendAsync($"{i} {new string('x', 4000)}")).Sequence);
        }

        var received = await fastListens.NextAsync(sent.Count);
        Assert.Equal(sent, received.Select(m => m.Sequence));
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in slowCall.ResponseStream.ReadAllAsync())
            {
            }
        }).DefaultTimeout();
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("resume_after", error.Status.Detail);
    }

    [Fact]
    public async Task Listen_ResumeAfterReconnect_YieldsExactlyTheMissedMessages()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        var firstListen = await bob.ListenAsync();
        await alice.SendAsync("one");
        var lastSeen = (await firstListen.NextAsync()).Sequence;
        await firstListen.DisposeAsync();

        await alice.SendAsync("two");
        await alice.SendAsync($"@{bob.Username} three");
        await alice.SendAsync("four");
        await using var resumed = await bob.ListenAsync(new ListenRequest { ResumeAfter = lastSeen });
        await alice.SendAsync("five");

        var messages = await resumed.NextAsync(4);
        Assert.Equal(["two", $"@{bob.Username} three", "four", "five"], messages.Select(m => m.Msg));
        Assert.Equal(Enumerable.Range(1, 4).Select(i => lastSeen + (ulong)i), messages.Select(m => m.Sequence));
    }

    [Fact]
    public async Task Listen_ResumeFromAnotherEpoch_ReplaysTheHistoryOfThisOne()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var live = await alice.ListenAsync();
        var epoch = (await live.ReadyAsync()).GetValue("chat-epoch");
        var sent = await alice.SendAsync("sent in this epoch");

        await using var sameEpoch = await alice.ListenAsync(new ListenRequest { ResumeAfter = sent.Sequence, ResumeEpoch = epoch });
        await using var earlierEpoch = await alice.ListenAsync(new ListenRequest { ResumeAfter = sent.Sequence, ResumeEpoch = "an-earlier-run" });
        var marker = UniqueName.For("marker");
        await alice.SendAsync(marker);

        Assert.Empty(await sameEpoch.ReadUntilAsync(marker));
        Assert.Contains(await earlierEpoch.ReadUntilAsync(marker), m => m.Sequence == sent.Sequence);
    }

    [Fact]
    public async Task Listen_ResumeAfter_DoesNotReplayOtherUsersDirectMessages()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        await using var carol = await ChatTestClient.RegisterAsync(server, UniqueName.For("carol"));
        var start = (await alice.SendAsync("start")).Sequence;
        await alice.SendAsync($"@{bob.Username} for bob only");
        await alice.SendAsync("end");

        await using var carolListens = await carol.ListenAsync(new ListenRequest { ResumeAfter = start });

        Assert.Empty(await carolListens.ReadUntilAsync("end"));
    }

    [Fact]
    public async Task Listen_WithHistory_ReplaysRecentMessagesFirst()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await alice.SendAsync("older");
        await alice.SendAsync("newer");

        await using var listener = await alice.ListenAsync(new ListenRequest { History = 2 });
        await alice.SendAsync("live");

        Assert.Equal(["older", "newer", "live"], (await listener.NextAsync(3)).Select(m => m.Msg));
    }

    [Fact]
    public async Task Listen_PresenceNotices_AreOptIn()
    {
        await using var watcher = await ChatTestClient.RegisterAsync(server, UniqueName.For("watcher"));
        await using var plain = await ChatTestClient.RegisterAsync(server, UniqueName.For("plain"));
        await using var withPresence = await watcher.ListenAsync(new ListenRequest { IncludePresence = true });
        await using var withoutPresence = await plain.ListenAsync();

        await using var newcomer = await ChatTestClient.RegisterAsync(server, UniqueName.For("newcomer"));
        await newcomer.SendAsync("marker");

        var notices = await withPresence.ReadUntilAsync("marker");
        Assert.Contains(notices, m => m.Kind == Message.Types.Kind.Joined && m.User.Username == newcomer.Username);
        Assert.Empty(await withoutPresence.ReadUntilAsync("marker"));
    }
}
