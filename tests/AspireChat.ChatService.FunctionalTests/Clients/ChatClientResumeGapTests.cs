using AspireChat.Client;
using AspireChat.Client.Messaging;
using AspireChat.Testing;

namespace AspireChat.ChatService.FunctionalTests.Clients;

// A listener that resumes after a drop hears, in an event of its own, when what it missed is
// gone: the service restarted (a new epoch), or its history no longer holds part of it.
public sealed class ChatClientResumeGapTests
{
    [Theory]
    [InlineData("second", 0, true)]
    [InlineData("second", 4, true)]
    [InlineData("first", 5, false)]
    public async Task Resume_IntoANewEpochOrPastTheHistory_YieldsMessagesMissed(string epochAfterDrop, long missed, bool restarted)
    {
        var events = await ListenUntilBackAsync(new ResumeGapService(epochAfterDrop, missed));

        var gap = Assert.Single(events.OfType<ChatMessagesMissed>());
        Assert.Equal(new ChatMessagesMissed(restarted, missed), gap);
        // Told right after the reconnect, before anything it brought.
        var reconnected = events.FindIndex(e => e is ChatConnected { IsReconnect: true });
        Assert.Equal(reconnected + 1, events.IndexOf(gap));
    }

    [Fact]
    public async Task Resume_InTheSameEpoch_WithNothingMissing_SaysNothingOfAGap()
    {
        var events = await ListenUntilBackAsync(new ResumeGapService("first", 0));

        Assert.Empty(events.OfType<ChatMessagesMissed>());
        Assert.Contains(events, e => e is ChatConnected { IsReconnect: true });
    }

    // Every event until the message the second stream delivers.
    private static async Task<List<ChatEvent>> ListenUntilBackAsync(ResumeGapService service)
    {
        await using var server = await GrpcTestServer.StartAsync(service);
        using var host = ChatClientHost.BuildQuickToReconnect(server.Address);
        var client = host.Services.GetRequiredService<ChatClient>();
        await client.RegisterAsync("reader").DefaultTimeout();

        var events = new List<ChatEvent>();
        using var deadline = new CancellationTokenSource(TimeoutExtensions.DefaultTimeoutSpan);
        await foreach (var chatEvent in client.ListenAsync(cancellationToken: deadline.Token))
        {
            events.Add(chatEvent);
            if (chatEvent is ChatMessageReceived { Message.Text: "back" })
            {
                break;
            }
        }
        return events;
    }
}
