using AspireChat.AppHost.Tests.Browser;
using Microsoft.Playwright;
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
        var page = await browser.NewPageAsync(1100, 700);
        await RoomSteps.JoinAsync(page, app.WebUrl, "dana");
        await RoomSteps.SendAsync(page, "hello everyone!");

        await RoomSteps.SendAsync(page, "@bob ping");

        await Expect(RoomSteps.Line(page, "you → bob", "ping")).ToHaveCountAsync(1);
        await Expect(RoomSteps.Line(page, "bob → you", "pong")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "web-direct-message");
        // The bots go on talking: the room once each has said another line.
        await RoomSteps.NextLineFromAsync(page, "alice");
        await RoomSteps.NextLineFromAsync(page, "bob");
        await Expect(page.Locator("aside.online").GetByText("alice")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "web-room");
    }

    [Fact]
    public async Task Room_IsUsable_375PixelsWide()
    {
        var page = await browser.NewPageAsync(375, 740);
        await RoomSteps.JoinAsync(page, app.WebUrl, "sam");

        await RoomSteps.SendAsync(page, "hi from my phone");

        await Expect(RoomSteps.Line(page, "sam", "hi from my phone")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Message" })).ToBeInViewportAsync();
        // Nothing wider than the screen: no sideways scrolling.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserFixture.ScreenshotAsync(page, "web-narrow");
    }

}
