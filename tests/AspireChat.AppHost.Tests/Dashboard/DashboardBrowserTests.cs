using AspireChat.AppHost.Tests.Browser;
using AspireChat.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AspireChat.AppHost.Tests.Dashboard;

// Aspire's dashboard in a real browser (Debian's Chromium), with the whole app running: what a
// person who opens the printed login URL sees.
[Collection(ChatAppCollection.Name)]
public sealed class DashboardBrowserTests(ChatAppFixture app, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Text of the bots' direct messages (alice's and bob's scripts).
    private static readonly string[] s_directMessageTexts = ["this one is just for you", "just between us"];

    [Fact]
    public async Task LoginUrl_OpensTheResourcesPage_WithChatAliceAndBobRunning()
    {
        var page = await LoggedInPageAsync();

        foreach (var resource in ChatAppFixture.Resources)
        {
            var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.Locator($"td[title='Project: {resource}']") });
            await Expect(row.Locator("td[title='Running']")).ToBeVisibleAsync();
        }
        await BrowserFixture.ScreenshotAsync(page, "dashboard-resources");
    }

    [Fact]
    public async Task StructuredLogs_ShowTheChatServiceAddingAlice()
    {
        var page = await LoggedInPageAsync();

        await page.GotoAsync(new Uri(app.DashboardUrl, "/structuredlogs/resource/chat").ToString());
        await page.Locator("fluent-text-input[name='structured-logs-search'] input").FillAsync("User alice added");

        await Expect(page.GetByRole(AriaRole.Gridcell, new() { Name = "User alice added" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "dashboard-structured-logs");
    }

    [Fact]
    public async Task BroadcastTrace_GoesFromAlice_ThroughChat_ToBob()
    {
        var trace = await app.Telemetry.WaitForTraceAsync(
            spans => spans.Any(s => s is { Resource: "chat", Name: "chat.broadcast" }) && spans.Any(s => s is { Resource: "alice", Name: "chat.send" }) && spans.Any(s => s is { Resource: "bob", Name: "chat.receive" }),
            "a broadcast of alice's that bob received");
        var page = await LoggedInPageAsync();

        await page.GotoAsync(new Uri(app.DashboardUrl, $"/traces/detail/{trace[0].TraceId}").ToString());

        await Expect(SpanRow(page, "alice", "chat.send")).ToBeVisibleAsync();
        await Expect(SpanRow(page, "chat", "chat.broadcast")).ToBeVisibleAsync();
        await Expect(SpanRow(page, "bob", "chat.receive")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "dashboard-trace-broadcast");
    }

    [Fact]
    public async Task DirectMessageTrace_ReachesItsRecipientOnly()
    {
        var trace = await app.Telemetry.WaitForTraceAsync(
            spans => spans.Any(s => s is { Resource: "chat", Name: "chat.direct_message" }) && spans.Any(s => s is { Resource: "alice", Name: "chat.send" }) && spans.Any(s => s.Name == "chat.receive"),
            "a direct message of alice's, received");
        var page = await LoggedInPageAsync();

        await page.GotoAsync(new Uri(app.DashboardUrl, $"/traces/detail/{trace[0].TraceId}").ToString());

        await Expect(SpanRow(page, "chat", "chat.direct_message")).ToBeVisibleAsync();
        await Expect(SpanRow(page, "bob", "chat.receive")).ToHaveCountAsync(1);
        await Expect(page.Locator("td[title$=': chat.receive']")).ToHaveCountAsync(1);
        Assert.All(trace.Where(s => s.Name == "chat.receive"), s => Assert.Equal("bob", s.Resource));
        await BrowserFixture.ScreenshotAsync(page, "dashboard-trace-direct-message");
    }

    [Fact]
    public async Task DirectMessageText_IsInNoLogLineSpanNameOrAttribute_TheDashboardHolds()
    {
        // Both bots have sent their direct message by the time the dashboard holds a trace of each.
        foreach (var sender in new[] { "alice", "bob" })
        {
            await app.Telemetry.WaitForTraceAsync(spans => spans.Any(s => s is { Resource: "chat", Name: "chat.direct_message" }) && spans.Any(s => s.Resource == sender && s.Name == "chat.send"), $"a direct message of {sender}'s");
        }

        var logs = await app.Telemetry.ReadAsync("logs");
        var spans = await app.Telemetry.ReadAsync("spans");

        Assert.Contains("sent direct message", logs);
        foreach (var text in s_directMessageTexts)
        {
            Assert.DoesNotContain(text, logs);
            Assert.DoesNotContain(text, spans);
        }
    }

    [Fact]
    public async Task WrongToken_ShowsNoTelemetry()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(app.DashboardUrl, "/login?t=not-the-token").ToString());
        await page.GotoAsync(new Uri(app.DashboardUrl, "/structuredlogs/resource/chat").ToString());

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await Expect(page.GetByText("User alice added")).ToHaveCountAsync(0);
        using var anonymous = new HttpClient { BaseAddress = app.DashboardUrl };
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/telemetry/logs").DefaultTimeout()).StatusCode);
    }

    private async Task<IPage> LoggedInPageAsync()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(app.LoginUrl.ToString());
        await Expect(page).ToHaveURLAsync(new Uri(app.DashboardUrl, "/").ToString());
        return page;
    }

    // A row of the trace detail's waterfall: its first cell is titled "resource: span name".
    private static ILocator SpanRow(IPage page, string resource, string span) => page.Locator($"td[title='{resource}: {span}']");
}
