using AspireChat.Client;
using AspireChat.Client.Connection;
using AspireChat.Client.Messaging;
using AspireChat.Conventions;
using AspireChat.Testing;

namespace AspireChat.ChatService.FunctionalTests.Clients;

// What the room's operator does, as the client library's caller sees it: an announcement is the
// room's, not a user's; a disconnect ends the listening with the reason, for good; a mute
// refuses sends with the reason.
public sealed class ChatClientOperatorTests
{
    [Fact]
    public async Task Listen_Announcement_IsFlaggedAsTheRooms()
    {
        var service = new OperatorChatService();
        await using var server = await GrpcTestServer.StartAsync(service);
        using var host = ChatClientHost.BuildQuickToReconnect(server.Address);
        var client = host.Services.GetRequiredService<ChatClient>();
        await client.RegisterAsync("reader").DefaultTimeout();

        var announcement = await FirstMessageAsync(client);

        Assert.True(announcement.IsAnnouncement);
        Assert.Equal(ChatMessageKind.Announcement, announcement.Kind);
        Assert.Equal(Usernames.Announcer, announcement.Sender);
        Assert.Equal(OperatorChatService.Announcement, announcement.Body);
        Assert.False(announcement.IsDirect);
        Assert.False(announcement.IsDisconnectNotice);
    }

    [Fact]
    public async Task Listen_DisconnectedByTheOperator_EndsWithTheReason_WithoutReconnectingOrRegisteringAgain()
    {
        var service = new OperatorChatService();
        await using var server = await GrpcTestServer.StartAsync(service);
        using var host = ChatClientHost.BuildQuickToReconnect(server.Address);
        var client = host.Services.GetRequiredService<ChatClient>();
        await client.RegisterAsync("mallory").DefaultTimeout();
        var events = new List<ChatEvent>();

        var ended = await Assert.ThrowsAsync<ChatDisconnectedException>(async () =>
        {
            await foreach (var chatEvent in client.ListenAsync())
            {
                events.Add(chatEvent);
                if (chatEvent is ChatMessageReceived { Message.IsAnnouncement: true, Message.IsDirect: false })
                {
                    service.Disconnect();
                }
            }
        }).DefaultTimeout();

        Assert.Equal(OperatorChatService.Reason("mallory"), ended.Reason);
        var notice = Assert.IsType<ChatMessageReceived>(events[^1]).Message;
        Assert.True(notice.IsDisconnectNotice);
        Assert.Equal("mallory", notice.Recipient);
        Assert.Equal(ended.Reason, notice.Body);
        Assert.DoesNotContain(events, e => e is ChatConnectionLost);
        Assert.Equal((1, 1), (service.Listens, service.AddUsers));
    }

    [Fact]
    public async Task Disconnected_LaterCallsFailWithTheReason_UntilRegisteredAgain()
    {
        var service = new OperatorChatService();
        await using var server = await GrpcTestServer.StartAsync(service);
        using var host = ChatClientHost.BuildQuickToReconnect(server.Address);
        var client = host.Services.GetRequiredService<ChatClient>();
        await client.RegisterAsync("mallory").DefaultTimeout();
        service.Disconnect();
        await Assert.ThrowsAsync<ChatDisconnectedException>(() => DrainAsync(client)).DefaultTimeout();

        var send = await Assert.ThrowsAsync<ChatDisconnectedException>(() => client.SendAsync("hello?")).DefaultTimeout();
        var listen = await Assert.ThrowsAsync<ChatDisconnectedException>(() => DrainAsync(client)).DefaultTimeout();
        var again = await client.RegisterAsync("mallory2").DefaultTimeout();
        var sent = await client.SendAsync("back").DefaultTimeout();

        Assert.Equal(OperatorChatService.Reason("mallory"), send.Reason);
        Assert.Equal(send.Reason, listen.Reason);
        Assert.Equal((1, 1), (service.Sends, service.Listens));
        Assert.Equal(RegistrationOutcome.Added, again.Outcome);
        Assert.Equal(SendOutcome.Muted, sent.Outcome);
    }

    [Fact]
    public async Task Send_WhileMuted_IsRefusedWithTheOperatorsReason()
    {
        await using var server = await GrpcTestServer.StartAsync(new OperatorChatService());
        using var host = ChatClientHost.BuildQuickToReconnect(server.Address);
        var client = host.Services.GetRequiredService<ChatClient>();
        await client.RegisterAsync("shouter").DefaultTimeout();

        var result = await client.SendAsync("HELLO").DefaultTimeout();

        Assert.False(result.IsSent);
        Assert.Equal(SendOutcome.Muted, result.Outcome);
        Assert.Equal(OperatorChatService.MutedReason, result.Message);
    }

    private static async Task<ChatMessage> FirstMessageAsync(ChatClient client)
    {
        using var deadline = new CancellationTokenSource(TimeoutExtensions.DefaultTimeoutSpan);
        await foreach (var chatEvent in client.ListenAsync(cancellationToken: deadline.Token))
        {
            if (chatEvent is ChatMessageReceived received)
            {
                return received.Message;
            }
        }
        throw new InvalidOperationException("The listening ended without a message.");
    }

    private static async Task DrainAsync(ChatClient client)
    {
        await foreach (var _ in client.ListenAsync())
        {
        }
    }
}
