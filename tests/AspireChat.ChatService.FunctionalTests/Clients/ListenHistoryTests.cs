using AspireChat.Client;
using AspireChat.Client.Messaging;
using AspireChat.Testing;

namespace AspireChat.ChatService.FunctionalTests.Clients;

// The history a first Listen asks for is not lost when that stream drops
// before the backlog arrives; the reconnect asks again (or resumes from the last message seen).
public sealed class ListenHistoryTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task FirstListen_DroppedBeforeItsHistoryArrived_GetsAllOfIt_Once(int deliveredBeforeDrop)
    {
        var service = new DroppingListenService(deliveredBeforeDrop);
        await using var server = await GrpcTestServer.StartAsync(service);
        using var host = ChatClientHost.BuildQuickToReconnect(server.Address);
        var client = host.Services.GetRequiredService<ChatClient>();
        await client.RegisterAsync("reader").DefaultTimeout();

        var history = await ReadMessagesAsync(client, new ListenOptions(History: 3), count: 3);

        Assert.Equal(["h8", "h9", "h10"], history);
        Assert.True(service.Requests.Count >= 2, "the first stream dropped, so the client listened again");
    }

    private static async Task<List<string>> ReadMessagesAsync(ChatClient client, ListenOptions options, int count)
    {
        var texts = new List<string>();
        using var deadline = new CancellationTokenSource(TimeoutExtensions.DefaultTimeoutSpan);
        try
        {
            await foreach (var chatEvent in client.ListenAsync(options, deadline.Token))
            {
                if (chatEvent is ChatMessageReceived received)
                {
                    texts.Add(received.Message.Text);
                    if (texts.Count == count)
                    {
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"Only [{string.Join(", ", texts)}] arrived of the {count} messages of history.");
        }
        return texts;
    }
}
