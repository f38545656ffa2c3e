using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AspireChat.AppHost.Tests.Web;

// What a person does on the chat page and what they see there, located by role and visible text.
public static class RoomSteps
{
    // Opens the page, joins under the name and waits until the room is live.
    public static async Task JoinAsync(IPage page, Uri web, string username)
    {
        await page.GotoAsync(web.ToString());
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Username" }).FillAsync(username);
        await page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Expect(Status(page)).ToHaveTextAsync("Connected");
    }

    // Types the line and presses Enter; the box empties once the service accepted it.
    public static async Task SendAsync(IPage page, string text)
    {
        var box = page.GetByRole(AriaRole.Textbox, new() { Name = "Message" });
        await box.FillAsync(text);
        await box.PressAsync("Enter");
        await Expect(box).ToHaveValueAsync("");
    }

    public static ILocator Status(IPage page) => page.GetByRole(AriaRole.Status);

    // Every line of the conversation: messages, presence and notices.
    public static ILocator Lines(IPage page) => page.GetByRole(AriaRole.Log, new() { Name = "Conversation" }).Locator("li.line");

    // The lines that hold the text, with its sender as the page shows it ("alice", "bob → you").
    public static ILocator Line(IPage page, string sender, string text) =>
        Lines(page).Filter(new() { Has = page.Locator("span.sender", new() { HasTextString = sender }) }).Filter(new() { HasTextString = text });

    // The texts of the messages on the page, oldest first.
    public static Task<IReadOnlyList<string>> MessageTextsAsync(IPage page) => Lines(page).Locator("span.text").AllInnerTextsAsync();

    // Waits until the user says a line after those the page shows now.
    public static async Task NextLineFromAsync(IPage page, string sender)
    {
        var from = Lines(page).Filter(new() { Has = page.Locator("span.sender", new() { HasTextRegex = new Regex($"^{Regex.Escape(sender)}$") }) });
        await Expect(from).ToHaveCountAsync(await from.CountAsync() + 1);
    }
}
