using AspireChat.AppHost.Tests.Browser;
using AspireChat.Protocol;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AspireChat.AppHost.Tests.Operations;

// The operator's control room in a real browser: chat's links and commands on Aspire's
// dashboard, used as a person would.
[Collection(ChatAppCollection.Name)]
public sealed class DashboardOperationsTests(ChatAppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Operator_AnnouncesFromChatsMenu_AndAListenerHearsTheRoom()
    {
        await using var listener = await RoomListener.JoinAsync(app.ChatEndpoint, "in-the-room");
        var text = $"Welcome to the control room {Guid.NewGuid():N}";
        var page = await LoggedInPageAsync();
        var chat = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.Locator("td[title='Project: chat']") });
        // The row shows its first link; the others (Health) are behind its "+1".
        await Expect(chat.GetByRole(AriaRole.Link, new() { Name = "gRPC (h2c) for clients, not browsers" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "operations-resources");

        await chat.GetByRole(AriaRole.Button, new() { Name = "Actions" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Commands" }).ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "operations-commands");
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Announce", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Alertdialog);
        await Expect(dialog).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "operations-announce-dialog");
        // The dialog opens with its one input focused, as a person finds it.
        await page.Keyboard.TypeAsync(text);
        await BrowserFixture.ScreenshotAsync(page, "operations-announce");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Announce" }).ClickAsync();

        var notice = await listener.WaitForAsync(m => m.Msg == text, "the announcement made on the dashboard");
        Assert.Equal((Message.Types.Kind.Announcement, "room"), (notice.Kind, notice.User.Username));
        await Expect(page.GetByText("Announced to the room as #", new() { Exact = false })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "operations-announced");
    }

    private async Task<IPage> LoggedInPageAsync()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(app.LoginUrl.ToString());
        await Expect(page).ToHaveURLAsync(new Uri(app.DashboardUrl, "/").ToString());
        return page;
    }
}
