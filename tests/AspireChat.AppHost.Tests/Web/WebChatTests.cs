using AspireChat.AppHost.Tests.Browser;
using AspireChat.Protocol;
using AspireChat.Testing;
using Grpc.Net.Client;
using static Microsoft.Playwright.Assertions;

namespace AspireChat.AppHost.Tests.Web;

// The chat page in a real browser (Debian's Chromium), with the whole app running: people in
// browsers, and a console client, chatting in one room.
[Collection(ChatAppCollection.Name)]
public sealed class WebChatTests(ChatAppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TwoBrowsers_ChatBothWays_AndAThirdSeesTheBroadcastsButNeverTheirDirectMessages()
    {
        var (dana, erin, finn) = (UniqueName.For("dana"), UniqueName.For("erin"), UniqueName.For("finn"));
        await using var danaPage = await ChatPage.JoinedAsync(browser, app.WebUrl, dana);
        await using var erinPage = await ChatPage.JoinedAsync(browser, app.WebUrl, erin);
        await using var finnPage = await ChatPage.JoinedAsync(browser, app.WebUrl, finn);

        await danaPage.SendAsync("hello from dana");
        await erinPage.SendAsync("hello from erin");
        await danaPage.WaitForLineAsync($"{dana} (you)", "hello from dana");
        await danaPage.WaitForLineAsync(erin, "hello from erin");
        await erinPage.WaitForLineAsync(dana, "hello from dana");
        await erinPage.WaitForLineAsync($"{erin} (you)", "hello from erin");
        await finnPage.WaitForLineAsync(dana, "hello from dana");
        await finnPage.WaitForLineAsync(erin, "hello from erin");
        await Expect(finnPage.Line(dana, "hello from dana")).Not.ToHaveClassAsync(ChatPage.DirectStyle);

        await danaPage.SendAsync($"@{erin} for erin alone");
        await erinPage.SendAsync($"@{dana} for dana alone");
        await danaPage.WaitForDirectLineAsync($"you → {erin}", "for erin alone");
        await erinPage.WaitForDirectLineAsync($"{dana} → you", "for erin alone");
        await erinPage.WaitForDirectLineAsync($"you → {dana}", "for dana alone");
        await danaPage.WaitForDirectLineAsync($"{erin} → you", "for dana alone");
        await BrowserFixture.ScreenshotAsync(danaPage.Page, "web-direct-message");

        // A broadcast sent after the direct messages: once finn has it, he would have had them.
        await danaPage.SendAsync("after the secrets");
        await finnPage.WaitForLineAsync(dana, "after the secrets");
        Assert.DoesNotContain(await finnPage.LinesTextAsync(), line => line.Contains("alone", StringComparison.Ordinal));
        await Expect(finnPage.Conversation.Locator("li.direct")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AConsoleClient_AndABrowserUser_SeeEachOthersBroadcastsAndDirectMessages()
    {
        var (gina, hank) = (UniqueName.For("gina"), UniqueName.For("hank"));
        await using var ginaPage = await ChatPage.JoinedAsync(browser, app.WebUrl, gina);
        await using var console = ConsoleClientProcess.Start(app.ChatEndpoint, hank);
        await console.WaitForLineAsync(line => line.StartsWith("* connected", StringComparison.Ordinal), $"{hank} to connect");
        await using var watcher = await OnlineWatcher.JoinAsync(app.ChatEndpoint);
        await watcher.WaitUntilAsync(hank, listeners => listeners > 0, $"{hank} is listening");
        await Expect(ginaPage.OnlineUser(hank)).ToBeVisibleAsync();

        await console.WriteLineAsync("hi from the terminal");
        await ginaPage.SendAsync("hi from the browser");
        await ginaPage.WaitForLineAsync(hank, "hi from the terminal");
        await console.WaitForLineAsync($"{gina}: hi from the browser");

        await console.WriteLineAsync($"@{gina} psst from the terminal");
        await ginaPage.SendAsync($"@{hank} psst from the browser");
        await ginaPage.WaitForDirectLineAsync($"{hank} → you", "psst from the terminal");
        await ginaPage.WaitForDirectLineAsync($"you → {hank}", "psst from the browser");
        await console.WaitForLineAsync($"{gina} → you: psst from the browser");
        await console.WaitForLineAsync($"you → {gina}: psst from the terminal");
    }

    // Sent by a gRPC client: the page's box is one line, and a script would not type these.
    // Names need no such test here: chat refuses a name with markup, controls or invisible
    // characters (its name rules), so none reaches a page.
    [Fact]
    public async Task MarkupBidiInvisibleAndMultiLinePayloads_RenderAsText()
    {
        await using var viewer = await ChatPage.JoinedAsync(browser, app.WebUrl, UniqueName.For("vera"));
        await using var mallory = new ChatTestClient(GrpcChannel.ForAddress(app.ChatEndpoint));
        Assert.Equal(MessageResponse.Types.Code.Added, (await mallory.AddUserAsync(UniqueName.For("mallory"))).Code);
        Assert.NotEqual(MessageResponse.Types.Code.Added, (await mallory.AddUserAsync("<img src=x>")).Code);
        var from = mallory.Username!;

        string[] payloads = ["<script>window.__pwned=1</script>", "<img src=x onerror=\"window.__pwned=1\">", "abc\u202Edef", "zero\u200Bwidth\u200Djoin\uFEFFbom", "hi\nbob: send me your password"];
        foreach (var payload in payloads)
        {
            Assert.Equal(MessageResponse.Types.Code.Sent, (await mallory.SendAsync(payload)).Code);
        }

        await viewer.WaitForLineAsync(from, "<script>window.__pwned=1</script>");
        await viewer.WaitForLineAsync(from, "<img src=x onerror=\"window.__pwned=1\">");
        await viewer.WaitForLineAsync(from, "abc<U+202E>def");
        await viewer.WaitForLineAsync(from, "zero<U+200B>width<U+200D>join<U+FEFF>bom");
        var spoof = viewer.Line(from, "send me your password");
        await Expect(spoof).ToHaveCountAsync(1);
        await Expect(spoof.Locator(".row")).ToHaveTextAsync(["hi", "bob: send me your password"]);
        await Expect(viewer.Lines.Filter(new() { HasText = "send me your password" })).ToHaveCountAsync(1);
        Assert.True(await viewer.Page.EvaluateAsync<bool>("() => window.__pwned === undefined"), "A payload ran as script.");
        await Expect(viewer.Conversation.Locator("img, script")).ToHaveCountAsync(0);
        Assert.DoesNotContain('\u202E', await viewer.Conversation.TextContentAsync() ?? "");
        await BrowserFixture.ScreenshotAsync(viewer.Page, "web-inert-text");
    }

    // Reload and a second tab are the same person; another browser is not; closing the last tab
    // ends the stream at once (Blazor's disconnect beacon ends the circuit), and the name is free
    // after chat's grace period (30 s under the AppHost).
    [Fact]
    public async Task TheNameStays_ThroughAReloadAndASecondTab_AndIsFreedAfterTheTabsClose()
    {
        var name = UniqueName.For("ivy");
        await using var ivy = await ChatPage.JoinedAsync(browser, app.WebUrl, name);
        await ivy.ReloadAsync();
        await Expect(ivy.Me).ToHaveTextAsync($"You are {name}");
        await Expect(ivy.UsernameBox).ToHaveCountAsync(0);
        await using var secondTab = await ivy.NewTabAsync();
        await Expect(secondTab.Me).ToHaveTextAsync($"You are {name}");

        await using var otherBrowser = await ChatPage.OpenAsync(browser, app.WebUrl);
        await otherBrowser.TryJoinAsync(name);
        await Expect(otherBrowser.Alert).ToHaveTextAsync($"The username {name} is taken; choose another.");
        await Expect(otherBrowser.UsernameBox).ToBeVisibleAsync();

        await using var watcher = await OnlineWatcher.JoinAsync(app.ChatEndpoint);
        await watcher.WaitUntilAsync(name, listeners => listeners == 2, $"both tabs of {name} listen");
        await ivy.CloseBrowserAsync();
        // At once: well within the 3 minutes Blazor would keep a circuit whose page just vanished
        // (the deadline leaves room for a loaded machine).
        await watcher.WaitUntilAsync(name, listeners => listeners == 0, $"{name}'s streams end at once", TimeSpan.FromSeconds(20));

        await watcher.WaitUntilAsync(name, listeners => listeners is null, $"{name} is free", TimeSpan.FromSeconds(90));
        await otherBrowser.JoinAsync(name);
    }

    [Fact]
    public async Task KeyboardOnly_AtPhoneWidth_JoinsAndSends_AndThePageFits()
    {
        var name = UniqueName.For("kim");
        await using var kim = await ChatPage.OpenAsync(browser, app.WebUrl, 375, 740);
        var keyboard = kim.Page.Keyboard;

        // The box a person types in has the focus: on load the name's, once joined the message's.
        await Expect(kim.UsernameBox).ToBeFocusedAsync();
        await keyboard.TypeAsync(name);
        await keyboard.PressAsync("Enter");
        await Expect(kim.Me).ToHaveTextAsync($"You are {name}");
        await Expect(kim.MessageBox).ToBeFocusedAsync();
        await keyboard.TypeAsync("typed, never clicked");
        await keyboard.PressAsync("Enter");

        await kim.WaitForLineAsync($"{name} (you)", "typed, never clicked");
        await Expect(kim.MessageBox).ToHaveValueAsync("");
        Assert.True(await kim.Page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 375, "The page scrolls sideways at 375 px.");
        await Expect(kim.MessageBox).ToBeInViewportAsync();
        await Expect(kim.SendButton).ToBeInViewportAsync();
        await Expect(kim.OnlineHeading).ToBeInViewportAsync();
        await Expect(kim.OnlineUser("alice")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(kim.Page, "web-375px");
    }
}
