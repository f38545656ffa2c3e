using System.Text.RegularExpressions;
using AspireChat.AppHost.Tests.Browser;
using AspireChat.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AspireChat.AppHost.Tests.Web;

// The chat page as a person uses it, found by role, label and visible text. Each wait is one of
// Playwright's (the page's default timeout, or Expect's), so every step has a deadline. Disposing
// it closes its browser (every tab of it), so its user leaves the room.
public sealed class ChatPage(IPage page, Uri webUrl) : IAsyncDisposable
{
    // How a direct message's line is set apart from a broadcast's.
    public static Regex DirectStyle { get; } = new(@"\bdirect\b");

    public IPage Page => page;

    // The join form.
    public ILocator UsernameBox => page.GetByLabel("Username", new() { Exact = true });

    public ILocator JoinButton => page.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true });

    // The service's refusal (join form) or why a message was not sent (composer).
    public ILocator Alert => page.GetByRole(AriaRole.Alert);

    // The room.
    public ILocator Status => page.GetByRole(AriaRole.Status);

    public ILocator Conversation => page.GetByRole(AriaRole.Log, new() { Name = "Conversation" });

    public ILocator Lines => Conversation.Locator("li.line");

    public ILocator OnlineList => page.GetByRole(AriaRole.Complementary);

    public ILocator OnlineHeading => OnlineList.GetByRole(AriaRole.Heading);

    public ILocator MessageBox => page.GetByLabel("Message", new() { Exact = true });

    public ILocator SendButton => page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true });

    // A page of its own browser (a new context), at the chat's address, ready to join or resumed.
    public static async Task<ChatPage> OpenAsync(BrowserFixture browser, Uri webUrl, int width = 1400, int height = 800)
    {
        var chat = new ChatPage(await browser.NewPageAsync(width, height), webUrl);
        await chat.GotoAsync();
        return chat;
    }

    // A page of its own browser, joined under the name: the room is live. A page that could not
    // join closes its browser.
    public static async Task<ChatPage> JoinedAsync(BrowserFixture browser, Uri webUrl, string username, int width = 1400, int height = 800)
    {
        var chat = await OpenAsync(browser, webUrl, width, height);
        try
        {
            await chat.JoinAsync(username);
            return chat;
        }
        catch
        {
            await chat.DisposeAsync();
            throw;
        }
    }

    // Another tab of the same browser: the same stored session.
    public async Task<ChatPage> NewTabAsync()
    {
        var tab = new ChatPage(await page.Context.NewPageAsync(), webUrl);
        tab.Page.SetDefaultTimeout((float)TimeoutExtensions.StartupTimeoutSpan.TotalMilliseconds);
        await tab.GotoAsync();
        return tab;
    }

    // Loads the page and waits until its circuit shows something a person can use.
    public async Task GotoAsync()
    {
        await page.GotoAsync(webUrl.ToString());
        await Expect(UsernameBox.Or(Me)).ToBeVisibleAsync();
    }

    public async Task ReloadAsync()
    {
        await page.ReloadAsync();
        await Expect(UsernameBox.Or(Me)).ToBeVisibleAsync();
    }

    // "You are <name>" in the room's header.
    public ILocator Me => page.GetByText(new Regex("^You are "));

    // Types a name and joins; the room then shows the name.
    public async Task JoinAsync(string username)
    {
        await TryJoinAsync(username);
        await Expect(Me).ToHaveTextAsync($"You are {username}");
        await Expect(Status).ToHaveTextAsync("Connected");
    }

    // Types a name and presses Join; the caller looks at what came of it.
    public async Task TryJoinAsync(string username)
    {
        await UsernameBox.FillAsync(username);
        await JoinButton.ClickAsync();
    }

    // Sends a message with the Send button; the box empties once the service took it.
    public async Task SendAsync(string text)
    {
        await TrySendAsync(text);
        await Expect(MessageBox).ToHaveValueAsync("");
    }

    public async Task TrySendAsync(string text)
    {
        await MessageBox.FillAsync(text);
        await SendButton.ClickAsync();
    }

    // The lines whose sender reads exactly so ("alice", "dana (you)", "bob → you", "you → bob").
    public ILocator LinesFrom(string sender) =>
        Lines.Filter(new() { Has = page.Locator(".sender", new() { HasTextRegex = Exactly(sender) }) });

    // The line from that sender that holds the text.
    public ILocator Line(string sender, string text) => LinesFrom(sender).Filter(new() { HasText = text });

    public Task WaitForLineAsync(string sender, string text) => Expect(Line(sender, text)).ToBeVisibleAsync();

    // Waits for a line from that sender with that text, styled as a direct message.
    public Task WaitForDirectLineAsync(string sender, string text) =>
        Expect(Line(sender, text)).ToHaveClassAsync(DirectStyle);

    public Task<IReadOnlyList<string>> LinesTextAsync() => Lines.AllInnerTextsAsync();

    // The texts of the messages on the page (no sender, presence or notice), oldest first.
    public Task<IReadOnlyList<string>> MessageTextsAsync() => Lines.Locator(".text").AllInnerTextsAsync();

    // Waits until that sender says a line after those the page shows now. At least one more, not
    // exactly one: the history or a burst can bring several before the page is looked at again.
    public async Task NextLineFromAsync(string sender)
    {
        var from = LinesFrom(sender);
        await Expect(from.Nth(await from.CountAsync())).ToBeAttachedAsync();
    }

    // The other users in the online list (each a button to write to them).
    public Task<IReadOnlyList<string>> OnlineNamesAsync() => OnlineList.GetByRole(AriaRole.Button).AllInnerTextsAsync();

    public ILocator OnlineUser(string username) => OnlineList.GetByRole(AriaRole.Button, new() { Name = username, Exact = true });

    // Closes every tab of this page's browser.
    public Task CloseBrowserAsync() => page.Context.CloseAsync();

    public async ValueTask DisposeAsync() => await CloseBrowserAsync();

    private static Regex Exactly(string text) => new($"^{Regex.Escape(text)}$");
}
