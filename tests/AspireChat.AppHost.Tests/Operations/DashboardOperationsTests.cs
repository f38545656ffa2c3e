using AspireChat.AppHost.Tests.Browser;
using AspireChat.Protocol;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AspireChat.AppHost.Tests.Operations;

// The operator's control room in a real browser: chat's links and commands on Aspire's
// dashboard, found as a person would, and an announcement made there that a client hears.
[Collection(ChatAppCollection.Name)]
public sealed class DashboardOperationsTests(ChatAppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] s_commands = ["Announce", "List users", "Mute user", "Unmute user", "Disconnect user"];

    [Fact]
    public async Task ChatsRow_SaysWhatItsLinkIs_AndItsMenuHasTheCommands_AndAnAnnouncementMadeThereIsHeard()
    {
        await using var listener = await RoomListener.JoinAsync(app.ChatEndpoint, "dashboard-hearer");
        var text = $"Announced from the dashboard ({Guid.NewGuid():N})";
        var page = await LoggedInPageAsync();
        var chat = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.Locator("td[title='Project: chat']") });

        // The row shows its first link; the others (Health) are behind its "+1".
        await Expect(chat.GetByRole(AriaRole.Link, new() { Name = "gRPC (h2c) for clients, not browsers" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "operations-resources");
        await chat.GetByRole(AriaRole.Button, new() { Name = "Actions" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Commands" }).ClickAsync();
        foreach (var command in s_commands)
        {
            await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = command, Exact = true })).ToBeVisibleAsync();
        }
        await BrowserFixture.ScreenshotAsync(page, "operations-commands");
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Announce", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alertdialog)).ToBeVisibleAsync();
        // The text box is inside the inputs dialog's Fluent text input (its shadow root); Enter submits.
        var textBox = page.Locator("#interactions-input-dialog fluent-text-input input").First;
        await textBox.FillAsync(text);
        await BrowserFixture.ScreenshotAsync(page, "operations-announce");
        await SubmitAsync(page, textBox);

        var notice = await HeardAsync(listener, text, page);
        Assert.Equal("room", notice.User.Username);
    }

    // Not heard: the page (the dialog, or the command's notification) says why.
    private static async Task<Message> HeardAsync(RoomListener listener, string text, IPage page)
    {
        try
        {
            return await listener.WaitForAsync(m => m.Msg == text, "the announcement made on the dashboard");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}{Environment.NewLine}The dashboard showed: {await page.Locator("body").InnerTextAsync()}", ex);
        }
    }

    // Enter, and again while the dialog stays open: on a busy machine the typed text can reach the
    // dashboard's server after the Enter, which then finds the required field empty and keeps the
    // dialog open, as it would for a person, who presses Enter again.
    private static async Task SubmitAsync(IPage page, ILocator textBox)
    {
        var dialog = page.GetByRole(AriaRole.Alertdialog);
        for (var attempt = 1; await dialog.IsVisibleAsync(); attempt++)
        {
            await textBox.PressAsync("Enter");
            try
            {
                await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = 5_000 });
            }
            catch (TimeoutException) when (attempt < 3)
            {
                // Still open: Enter again.
            }
        }
    }

    private async Task<IPage> LoggedInPageAsync()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(app.LoginUrl.ToString());
        await Expect(page).ToHaveURLAsync(new Uri(app.DashboardUrl, "/").ToString());
        return page;
    }
}
