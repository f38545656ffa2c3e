using AspireChat.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AspireChat.Tests.Dashboard;

// The dashboard in a real browser (Debian's Chromium), with the whole app running: what a
// person opening the printed login URL sees.
public sealed class DashboardBrowserTests(DashboardAppFixture fixture) : IClassFixture<DashboardAppFixture>
{
    [Fact]
    public async Task LoginUrl_OpensTheResourcesPage_WithTheAppRunning()
    {
        var page = await fixture.LoggedInPageAsync();

        foreach (var resource in ChatAppFixture.Resources)
        {
            var row = page.Locator($"table.resources tr[data-name='{resource}']");
            await Expect(row.Locator("td.state")).ToHaveTextAsync("Running");
            await Expect(row.Locator("td.health")).ToHaveTextAsync("Healthy");
        }
        await Expect(page.Locator("table.resources tr[data-name='chat']")).ToContainTextAsync(fixture.App.GetEndpoint("chat", "grpc").GetLeftPart(UriPartial.Authority));
        await ScreenshotAsync(page, "resources");
    }

    [Fact]
    public async Task RestartButton_RestartsTheResource_AndThePageFollowsIt()
    {
        var page = await fixture.LoggedInPageAsync();
        var chat = page.Locator("table.resources tr[data-name='chat']");
        await Expect(chat.Locator("td.state")).ToHaveTextAsync("Running");
        var before = fixture.App.ResourceNotifications.GetSnapshots("chat").Single();

        await chat.GetByRole(AriaRole.Button, new() { Name = "Restart" }).ClickAsync();

        await Expect(chat.Locator("td.restarts")).ToHaveTextAsync($"{before.Restarts + 1}");
        await Expect(chat.Locator("td.health")).ToHaveTextAsync("Healthy");
        Assert.NotEqual(before.ProcessId, fixture.App.ResourceNotifications.GetSnapshots("chat").Single().ProcessId);
    }

    [Fact]
    public async Task WrongToken_IsRefused_AndNothingIsShown()
    {
        var page = await fixture.NewPageAsync();

        var response = await page.GotoAsync(new Uri(fixture.DashboardUrl, "/login?t=not-the-token").ToString());

        Assert.Equal(401, response!.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That token is not valid");
        await page.GotoAsync(new Uri(fixture.DashboardUrl, "/#/traces").ToString());
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        var api = await page.APIRequest.GetAsync(new Uri(fixture.DashboardUrl, "/api/traces").ToString());
        Assert.Equal(401, api.Status);
    }

    [Fact]
    public async Task BroadcastTrace_IsAWaterfallAcrossTheSenderTheServiceAndTheReceivers()
    {
        var page = await fixture.LoggedInPageAsync();

        await OpenTraceAsync(page, "chat.broadcast");

        await ExpectSpansFromAsync(page, "alice", "bob", "chat");
        await Expect(page.Locator(".span-row[data-name='chat.broadcast']")).ToHaveCountAsync(1);
        await Expect(page.Locator(".span-row[data-name='chat.receive']").First).ToBeVisibleAsync();
        await ScreenshotAsync(page, "trace-broadcast");
    }

    [Fact]
    public async Task DirectMessageTrace_GoesFromTheSender_ThroughTheService_ToTheRecipientOnly()
    {
        var page = await fixture.LoggedInPageAsync();

        await OpenTraceAsync(page, "chat.direct_message");

        await ExpectSpansFromAsync(page, "alice", "bob", "chat");
        await Expect(page.Locator(".span-row[data-name='chat.direct_message']")).ToHaveCountAsync(1);
        await Expect(page.Locator(".span-row[data-name='chat.receive']")).ToHaveCountAsync(1);
        await page.Locator(".span-row[data-name='chat.direct_message']").ClickAsync();
        await Expect(page.Locator("#span-detail")).ToContainTextAsync("chat.recipient");
        await Expect(page.Locator("#span-detail")).Not.ToContainTextAsync("null");
        await ScreenshotAsync(page, "trace-direct-message");
    }

    [Fact]
    public async Task StructuredLogs_ComeFromEveryResource()
    {
        var page = await fixture.LoggedInPageAsync();

        await page.GotoAsync(new Uri(fixture.DashboardUrl, "/#/logs").ToString());

        foreach (var resource in ChatAppFixture.Resources)
        {
            await Expect(page.Locator($"table.logs tr.log .badge[data-resource='{resource}']").First).ToBeVisibleAsync();
        }
        await ScreenshotAsync(page, "structured-logs");
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("bob")]
    public async Task StructuredLogs_HaveTheAddUserOfEachBot(string bot)
    {
        var page = await fixture.LoggedInPageAsync();

        await page.GotoAsync(new Uri(fixture.DashboardUrl, $"/#/logs?resource=chat&text={Uri.EscapeDataString($"User {bot} added")}").ToString());

        var entry = page.Locator("table.logs tr.log", new() { HasText = $"User {bot} added" }).First;
        await Expect(entry).ToBeVisibleAsync();
        await Expect(entry.Locator("td").Nth(1)).ToHaveTextAsync("chat");
        // Its trace is the AddUser call: the bot's client span and the service's chat.add_user.
        await entry.Locator("a").ClickAsync();
        await Expect(page.Locator(".span-row[data-name='chat.add_user']")).ToHaveCountAsync(1);
        await Expect(page.Locator($".span-row[data-resource='{bot}']").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ConsoleLogs_ShowTheServiceOutput_AsItComes()
    {
        var page = await fixture.LoggedInPageAsync();

        await page.GotoAsync(new Uri(fixture.DashboardUrl, "/#/console/chat").ToString());

        await Expect(page.Locator("#console")).ToContainTextAsync("Now listening on");
        // The bots keep talking: new lines arrive without a reload, each once.
        var lines = await page.Locator("#console > div").CountAsync();
        await Expect(page.Locator("#console > div").Nth(lines)).ToBeAttachedAsync();
        var sequences = await page.Locator("#console > div").EvaluateAllAsync<long[]>("lines => lines.map(l => Number(l.dataset.seq))");
        Assert.Equal(sequences.Distinct().Count(), sequences.Length);
        Assert.Equal(sequences.Order(), sequences);
        await ScreenshotAsync(page, "console-logs");
    }

    [Fact]
    public async Task Metrics_ShowTheChatInstruments_AsAChartAndATable()
    {
        var page = await fixture.LoggedInPageAsync();

        await page.GotoAsync(new Uri(fixture.DashboardUrl, "/#/metrics?resource=chat&instrument=chat.messages").ToString());

        await Expect(page.Locator(".instrument[data-instrument='chat.messages'] svg polyline").First).ToBeAttachedAsync();
        await page.Locator("#instruments a[data-instrument='chat.delivery.latency']").ClickAsync();
        await Expect(page.Locator(".instrument[data-instrument='chat.delivery.latency'] table.metric-values thead")).ToContainTextAsync("p90");
        await Expect(page.Locator("table.metric-values tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("#instruments a[data-instrument='chat.delivery.latency']")).ToBeVisibleAsync();
        await Expect(page.Locator("#instruments a[data-instrument='http.server.request.duration']")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "metrics");
    }

    // The newest trace with a span of that name and spans of all three resources. (The first
    // messages of a bot can precede the other bot's Listen stream: their traces have no receiver.)
    private async Task OpenTraceAsync(IPage page, string spanName)
    {
        await page.GotoAsync(new Uri(fixture.DashboardUrl, $"/#/traces?text={spanName}").ToString());
        var trace = ChatAppFixture.Resources.Aggregate(page.Locator("table.traces tr.trace"),
            (rows, resource) => rows.Filter(new() { Has = page.Locator($".badge[data-resource='{resource}']") })).First;
        await Expect(trace).ToBeVisibleAsync();
        await ScreenshotAsync(page, "traces");
        await trace.ClickAsync();
        await Expect(page.Locator(".waterfall .span-row").First).ToBeVisibleAsync();
    }

    private static async Task ExpectSpansFromAsync(IPage page, params string[] resources)
    {
        foreach (var resource in resources)
        {
            await Expect(page.Locator($".span-row[data-resource='{resource}']").First).ToBeVisibleAsync();
        }
    }

    private static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardAppFixture.ScreenshotDirectory, $"{name}.png") });
}
