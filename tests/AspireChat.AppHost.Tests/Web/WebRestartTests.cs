using AspireChat.AppHost.Tests.Browser;
using AspireChat.Protocol;
using AspireChat.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using static Microsoft.Playwright.Assertions;

namespace AspireChat.AppHost.Tests.Web;

// Aspire's restart command on chat while a page is in the room: the page says it is reconnecting,
// then resumes where it was, every message sent meanwhile there once and in order.
[Collection(ChatAppCollection.Name)]
public sealed class WebRestartTests(ChatAppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int SentMeanwhile = 6;

    [Fact]
    public async Task ChatRestarted_ThePageReconnects_AndShowsEveryMessageSentMeanwhile_Once()
    {
        await using var page = await ChatPage.JoinedAsync(browser, app.WebUrl, UniqueName.For("steady"), 1100, 700);
        await using var sender = new ChatTestClient(GrpcChannel.ForAddress(app.ChatEndpoint));
        Assert.Equal(MessageResponse.Types.Code.Added, (await sender.AddUserAsync(UniqueName.For("sender"))).Code);
        await sender.SendAsync("before the restart");
        await Expect(page.Line(sender.Username!, "before the restart")).ToHaveCountAsync(1);

        var restart = RestartChatAsync();
        await Expect(page.Status).ToHaveTextAsync("Reconnecting…");
        await BrowserFixture.ScreenshotAsync(page.Page, "web-reconnecting");
        var texts = Enumerable.Range(1, SentMeanwhile).Select(n => $"sent meanwhile, number {n} of {SentMeanwhile}").ToList();
        foreach (var text in texts)
        {
            await SendUntilAcceptedAsync(sender, text);
        }
        await restart;

        await Expect(page.Status).ToHaveTextAsync("Connected");
        await Expect(page.Line(sender.Username!, texts[^1])).ToHaveCountAsync(1);
        // Who is online is live again too: the bots came back.
        await Expect(page.OnlineUser("bob")).ToBeVisibleAsync();
        await Expect(page.OnlineUser("alice")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page.Page, "web-restarted");
        var shown = (await page.MessageTextsAsync()).Where(texts.Contains).ToList();
        Assert.Equal(texts, shown);
    }

    // Aspire's restart command, as the dashboard's button runs it; then the app is as the other
    // tests of the collection expect it: chat, the bots and web healthy.
    private async Task RestartChatAsync()
    {
        var restarted = await app.App.ResourceCommands.ExecuteCommandAsync(app.Resource("chat"), KnownResourceCommands.RestartCommand).StartupTimeout();
        Assert.True(restarted.Success, restarted.Message);
        await ChatAppFixture.WaitUntilHealthyAsync(app.App);
    }

    // The service is away for a while: each message is tried again until it is accepted. The
    // restarted service keeps the name for its owner but not the session: the sender registers
    // again under its token, as a console client does.
    private static async Task SendUntilAcceptedAsync(ChatTestClient sender, string text)
    {
        await TimeoutExtensions.WaitUntilAsync(async () =>
        {
            try
            {
                return (await sender.SendAsync(text)).Code == MessageResponse.Types.Code.Sent;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unauthenticated)
            {
                Assert.Equal(MessageResponse.Types.Code.Added, (await sender.AddUserAsync(sender.Username!)).Code);
                return false;
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown)
            {
                return false;
            }
        }, $"chat accepts '{text}'", TimeoutExtensions.StartupTimeoutSpan, TimeSpan.FromMilliseconds(200));
    }
}
