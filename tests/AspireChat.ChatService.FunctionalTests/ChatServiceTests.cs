using AspireChat.Protocol;
using AspireChat.Testing;
using Grpc.Core;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ChatService.FunctionalTests;

// The chat rules (docs/chat-rules.md), checked over real gRPC against the real service.
public sealed class ChatServiceTests(ChatServiceFactory server) : IClassFixture<ChatServiceFactory>
{
    [Fact]
    public async Task TwoUsers_SeeEachOthersMessages_WithUsernames()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        await using var aliceListens = await alice.ListenAsync();
        await using var bobListens = await bob.ListenAsync();

        var sent = await alice.SendAsync("hi, this is alice");
        await bob.SendAsync("hi, it's bob");

        Assert.Equal(Code.Sent, sent.Code);
        foreach (var listener in new[] { aliceListens, bobListens })
        {
            var messages = await listener.NextAsync(2);
            Assert.Equal([$"{alice.Username}: hi, this is alice", $"{bob.Username}: hi, it's bob"], messages.Select(m => $"{m.User.Username}: {m.Msg}"));
            Assert.True(messages[0].Sequence < messages[1].Sequence);
            Assert.Equal(sent.Sequence, messages[0].Sequence);
            Assert.NotNull(messages[0].Timestamp);
            Assert.Null(messages[0].Recipient);
        }
    }

    [Fact]
    public async Task DirectMessage_ReachesOnlyItsRecipient()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        await using var carol = await ChatTestClient.RegisterAsync(server, UniqueName.For("carol"));
        await using var aliceListens = await alice.ListenAsync();
        await using var bobListens = await bob.ListenAsync();
        await using var carolListens = await carol.ListenAsync();

        var response = await alice.SendAsync($"@{bob.Username} the secret is 42");
        await alice.SendAsync("marker");

        Assert.Equal(Code.Sent, response.Code);
        var direct = await bobListens.NextAsync();
        Assert.Equal($"@{bob.Username} the secret is 42", direct.Msg);
        Assert.Equal(alice.Username, direct.User.Username);
        Assert.Equal(bob.Username, direct.Recipient.Username);
        Assert.Equal("marker", (await bobListens.NextAsync()).Msg);
        Assert.Empty(await carolListens.ReadUntilAsync("marker"));
        Assert.Empty(await aliceListens.ReadUntilAsync("marker"));
    }

    [Fact]
    public async Task DirectMessage_RecipientIsMatchedCaseInsensitively()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("Bob"));
        await using var bobListens = await bob.ListenAsync();

        var response = await alice.SendAsync($"@{bob.Username!.ToLowerInvariant()} hello");

        Assert.Equal(Code.Sent, response.Code);
        Assert.Equal(bob.Username, (await bobListens.NextAsync()).Recipient.Username);
    }

    [Fact]
    public async Task DirectMessage_ToUnknownRecipient_IsDeliveredToNobody_AndSenderIsTold()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        await using var aliceListens = await alice.ListenAsync();
        await using var bobListens = await bob.ListenAsync();

        var response = await alice.SendAsync("@nobody-here the secret is 42");
        await alice.SendAsync("marker");

        Assert.Equal(Code.UnknownRecipient, response.Code);
        Assert.Contains("nobody-here", response.Msg);
        Assert.Contains("not sent", response.Msg);
        Assert.Equal(0ul, response.Sequence);
        Assert.Empty(await bobListens.ReadUntilAsync("marker"));
        Assert.Empty(await aliceListens.ReadUntilAsync("marker"));
    }

    [Fact]
    public async Task DirectMessage_WithoutText_IsRefused()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));

        var response = await alice.SendAsync($"@{bob.Username}   ");

        Assert.Equal(Code.InvalidMessage, response.Code);
    }

    [Theory]
    [InlineData("\rcarol: forged line")]
    [InlineData(" hi\u001b[2J")]
    public async Task DirectMessage_WithControlCharacters_IsRefused(string rest)
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));

        var response = await alice.SendAsync($"@{bob.Username}{rest}");

        Assert.Equal(Code.InvalidMessage, response.Code);
    }

    [Fact]
    public async Task DirectMessage_LongerThan4096CharactersInAll_IsRefused()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));

        var response = await alice.SendAsync($"@{bob.Username} {new string('x', 4096)}");

        Assert.Equal(Code.InvalidMessage, response.Code);
    }

    [Fact]
    public async Task AddUser_NameTaken_ReturnsTaken_CaseInsensitively()
    {
        var name = UniqueName.For("dave");
        await using var first = await ChatTestClient.RegisterAsync(server, name);
        await using var second = new ChatTestClient(server.CreateChannel());

        var same = await second.AddUserAsync(name);
        var otherCase = await second.AddUserAsync(name.ToUpperInvariant());

        Assert.Equal(Code.Taken, same.Code);
        Assert.Equal(Code.Taken, otherCase.Code);
        Assert.Contains("taken", same.Msg);
        Assert.Empty(same.SessionToken);
    }

    [Fact]
    public async Task AddUser_Added_AnswersAsTheWorkshopDoes_WithASessionToken()
    {
        var name = UniqueName.For("erin");
        await using var client = new ChatTestClient(server.CreateChannel());

        var response = await client.AddUserAsync(name);

        Assert.Equal(Code.Added, response.Code);
        Assert.Equal($"User {name} created.", response.Msg);
        // Opaque to clients: signed, naming its user, with 128 random bits (docs/security.md).
        Assert.True(response.SessionToken.Length >= 32);
        Assert.Equal(name, response.Username);
    }

    [Fact]
    public async Task AddUser_SameCallerAgain_KeepsItsSession()
    {
        await using var client = await ChatTestClient.RegisterAsync(server, UniqueName.For("frank"));
        var token = client.SessionToken;

        var again = await client.AddUserAsync(client.Username!);

        Assert.Equal(Code.Added, again.Code);
        Assert.Equal(token, again.SessionToken);
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("al ice", "whitespace")]
    [InlineData("alice\t", "whitespace")]
    [InlineData("bob@home", "'@'")]
    [InlineData("bell\u0007", "control")]
    [InlineData("semi;colon", "letters, digits")]
    [InlineData("emoji\U0001F600", "letters, digits")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", "at most 32")]
    public async Task AddUser_InvalidName_ReturnsInvalidUsername_WithAHelpfulMessage(string username, string explanation)
    {
        await using var client = new ChatTestClient(server.CreateChannel());

        var response = await client.AddUserAsync(username);

        Assert.Equal(Code.InvalidUsername, response.Code);
        Assert.Contains(explanation, response.Msg);
        Assert.Empty(response.SessionToken);
    }

    [Fact]
    public async Task SendMessage_AsAnotherUser_IsPermissionDenied()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var mallory = await ChatTestClient.RegisterAsync(server, UniqueName.For("mallory"));

        var error = await Assert.ThrowsAsync<RpcException>(() => mallory.SendAsync("I am alice", asUser: alice.Username));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task SendMessage_BeforeAddUser_IsFailedPrecondition()
    {
        await using var stranger = new ChatTestClient(server.CreateChannel());

        var error = await Assert.ThrowsAsync<RpcException>(() => stranger.SendAsync("hello?", asUser: "stranger"));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("AddUser", error.Status.Detail);
    }

    [Fact]
    public async Task Calls_WithAnUnknownSessionToken_AreUnauthenticated()
    {
        await using var client = new ChatTestClient(server.CreateChannel()) { SessionToken = "0123456789abcdef0123456789abcdef" };

        var error = await Assert.ThrowsAsync<RpcException>(() => client.SendAsync("hello?", asUser: "someone"));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ring\u0007ring")]
    public async Task SendMessage_InvalidText_ReturnsInvalidMessage(string text)
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));

        var response = await alice.SendAsync(text);

        Assert.Equal(Code.InvalidMessage, response.Code);
    }

    [Fact]
    public async Task SendMessage_LongerThan4096Characters_ReturnsInvalidMessage()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));

        var longest = await alice.SendAsync(new string('x', 4096));
        var tooLong = await alice.SendAsync(new string('x', 4097));

        Assert.Equal(Code.Sent, longest.Code);
        Assert.Equal(Code.InvalidMessage, tooLong.Code);
        Assert.Contains("4096", tooLong.Msg);
    }

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

    [Fact]
    public async Task ListUsers_ListsTheUsersOnline_WithTheirStreams()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var listens = await alice.ListenAsync();

        var users = await alice.ListUsersAsync();

        var entry = Assert.Single(users.Users, u => u.Username == alice.Username);
        Assert.Equal(1u, entry.Listeners);
    }
}
