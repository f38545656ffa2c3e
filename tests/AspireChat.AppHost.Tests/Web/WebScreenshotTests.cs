using AspireChat.AppHost.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace AspireChat.AppHost.Tests.Web;

// The page as the README shows it: a room where the bots talk, a direct message both ways, and
// the same room on a phone. The screenshots land in BrowserFixture.ScreenshotDirectory; docs/
// holds copies. Plain names (not UniqueName's) because people read them: no other test takes them.
[Collection(ChatAppCollection.Name)]
public sealed class WebScreenshotTests(ChatAppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Room_ShowsTheBotsTalking_ADirectMessageBothWays_AndWhoIsOnline()
    {
        await using var page = await ChatPage.JoinedAsync(browser, app.WebUrl, "dana", 1100, 700);
        await page.SendAsync("hello everyone!");

        await page.SendAsync("@bob ping");

        await Expect(page.Line("you → bob", "ping")).ToHaveCountAsync(1);
        await Expect(page.Line("bob → you", "pong")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page.Page, "web-direct-message");
        // The bots go on talking: the room once each has said another line.
        await page.NextLineFromAsync("alice");
        await page.NextLineFromAsync("bob");
        await Expect(page.OnlineUser("alice")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page.Page, "web-room");
    }

    [Fact]
    public async Task Room_IsUsable_375PixelsWide()
    {
        await using var page = await ChatPage.JoinedAsync(browser, app.WebUrl, "sam", 375, 740);

        await page.SendAsync("hi from my phone");

        await Expect(page.Line("sam (you)", "hi from my phone")).ToHaveCountAsync(1);
        await Expect(page.MessageBox).ToBeInViewportAsync();
        // Nothing wider than the screen: no sideways scrolling.
        Assert.True(await page.Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserFixture.ScreenshotAsync(page.Page, "web-narrow");
    }
}
