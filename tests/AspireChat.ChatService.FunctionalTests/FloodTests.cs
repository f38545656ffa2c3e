using AspireChat.Protocol;
using AspireChat.Testing;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ChatService.FunctionalTests;

// One client with many names: it gets no more registrations or messages than its connection is
// allowed, its joins do not flood the listeners, and they never push chat out of the history.
public sealed class FloodTests(FloodLimitsChatServiceFactory server) : IClassFixture<FloodLimitsChatServiceFactory>
{
    [Fact]
    public async Task AddUser_ManyNamesOnOneConnection_IsRateLimited_WithAnAnswer()
    {
        using var channel = server.CreateChannel();
        var client = new Chat.ChatClient(channel);

        var responses = new List<MessageResponse>();
        for (var i = 0; i < FloodLimitsChatServiceFactory.RegistrationBurstPerConnection + 2; i++)
        {
            responses.Add(await client.AddUserAsync(new User { Username = UniqueName.For("flood") }).ResponseAsync.DefaultTimeout());
        }

        Assert.All(responses.Take(FloodLimitsChatServiceFactory.RegistrationBurstPerConnection), r => Assert.Equal(Code.Added, r.Code));
        var refused = responses.Last();
        Assert.Equal(Code.RateLimited, refused.Code);
        Assert.Contains("this connection", refused.Msg);
    }

    [Fact]
    public async Task SendMessage_ManyNamesOnOneConnection_ShareTheConnectionsLimit()
    {
        using var channel = server.CreateChannel();
        var senders = new List<ChatTestClient>();
        for (var i = 0; i < FloodLimitsChatServiceFactory.RegistrationBurstPerConnection; i++)
        {
            var sender = new ChatTestClient(channel);
            Assert.Equal(Code.Added, (await sender.AddUserAsync(UniqueName.For("sender"))).Code);
            senders.Add(sender);
        }

        var responses = new List<MessageResponse>();
        foreach (var sender in senders)
        {
            for (var i = 0; i < 3; i++)
            {
                responses.Add(await sender.SendAsync($"message {i}"));
            }
        }

        // Nine messages, a burst of five and one more a second: each name alone is within limits.
        Assert.InRange(responses.Count(r => r.Code == Code.Sent), FloodLimitsChatServiceFactory.MessageBurstPerConnection, FloodLimitsChatServiceFactory.MessageBurstPerConnection + 2);
        Assert.Contains("this connection", responses.First(r => r.Code == Code.RateLimited).Msg);
    }

    [Fact]
    public async Task PresenceNotices_NeverPushChatMessagesOutOfTheHistory()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        var kept = await alice.SendAsync("keep me");

        await JoinManyAsync(3 * FloodLimitsChatServiceFactory.HistorySize + FloodLimitsChatServiceFactory.PresenceNoticeBurst);
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        await using var resumed = await bob.ListenAsync(new ListenRequest { ResumeAfter = kept.Sequence - 1, IncludePresence = true });

        Assert.Equal("keep me", (await resumed.NextAsync()).Msg);
    }

    [Fact]
    public async Task AJoinBurst_DoesNotFloodTheListeners()
    {
        // A service of its own: its room-wide budget starts full, so what the burst must bring is known.
        var started = TimeProvider.System.GetTimestamp();
        await using var fresh = new FloodLimitsChatServiceFactory();
        await using var watcher = await ChatTestClient.RegisterAsync(fresh, UniqueName.For("watcher"));
        await using var presence = await watcher.ListenAsync(new ListenRequest { IncludePresence = true });

        await JoinManyAsync(fresh, 30);
        await watcher.SendAsync("after the burst");
        var notices = await presence.ReadUntilAsync("after the burst");

        // The burst less the watcher's own join reaches it; past the burst, one a second.
        var allowed = FloodLimitsChatServiceFactory.PresenceNoticeBurst + (int)Math.Ceiling(TimeProvider.System.GetElapsedTime(started).TotalSeconds);
        Assert.InRange(notices.Count(m => m.Kind is Message.Types.Kind.Joined or Message.Types.Kind.Left), FloodLimitsChatServiceFactory.PresenceNoticeBurst - 1, allowed);
        Assert.Contains(notices, m => m.Kind == Message.Types.Kind.Joined);
    }

    // Each on a connection of its own, so only the room-wide presence limit applies.
    private Task JoinManyAsync(int count) => JoinManyAsync(server, count);

    private static async Task JoinManyAsync(ChatServiceFactory service, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var joiner = await ChatTestClient.RegisterAsync(service, UniqueName.For("joiner"));
        }
    }
}
