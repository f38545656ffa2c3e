extern alias web;

using AspireChat.Client;
using AspireChat.Client.Connection;
using AspireChat.Client.Messaging;
using AspireChat.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using web::AspireChat.Web.Chat;

namespace AspireChat.ChatService.FunctionalTests.Clients;

// The web page's chat session (what the page shows, without a browser) in a room whose operator
// announces, mutes and disconnects (a scripted server of the contract).
public sealed class WebChatSessionOperatorTests
{
    [Fact]
    public async Task Announcement_Mute_AndDisconnect_AreWhatThePageShows()
    {
        var service = new OperatorChatService();
        await using var server = await GrpcTestServer.StartAsync(service);
        // A front end's connection, as the web app's: it forwards each person's address with its key.
        using var host = ChatClientHost.Build(new Dictionary<string, string?>
        {
            ["ChatClient:Server"] = server.Address.ToString(),
            ["ChatClient:FrontEndKey"] = "a-front-end-key-for-the-tests",
        });
        await using var session = new ChatSession(host.Services.GetRequiredService<ChatConnection>(), new PersonAddress(), NullLogger<ChatClient>.Instance, NullLogger<ChatSession>.Instance);
        var announced = WhenAsync(session, s => s.Lines.Any(line => line.Kind == ChatLineKind.Announcement));
        var disconnected = WhenAsync(session, s => s.State == LinkState.Disconnected);

        await session.JoinAsync("mallory", sessionToken: null, CancellationToken.None).DefaultTimeout();
        await announced.DefaultTimeout();
        var muted = await session.SendAsync("hello?", CancellationToken.None).DefaultTimeout();
        service.Disconnect();
        await disconnected.DefaultTimeout();

        var announcement = Assert.Single(session.Lines);
        Assert.Equal((ChatLineKind.Announcement, "room", OperatorChatService.Announcement), (announcement.Kind, announcement.Sender, announcement.Text));
        Assert.Equal((SendOutcome.Muted, OperatorChatService.MutedReason), (muted.Outcome, muted.Message));
        Assert.Equal(OperatorChatService.Reason("mallory"), session.StateReason);
        await Assert.ThrowsAsync<ChatDisconnectedException>(() => session.SendAsync("still here?", CancellationToken.None)).DefaultTimeout();
        Assert.Equal((1, 1, 1), (service.Listens, service.AddUsers, service.Sends));

        await session.LeaveAsync().DefaultTimeout();

        Assert.Null(session.Username);
        Assert.Equal(LinkState.Offline, session.State);
    }

    // Done once the session, on any change, satisfies the condition.
    private static Task WhenAsync(ChatSession session, Func<ChatSession, bool> condition)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Changed += _ =>
        {
            if (condition(session))
            {
                reached.TrySetResult();
            }
        };
        return reached.Task;
    }
}
