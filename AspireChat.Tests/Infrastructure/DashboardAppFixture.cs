using AspireChat.Hosting;
using Microsoft.Playwright;

namespace AspireChat.Tests.Infrastructure;

// The AppHost's app model with its dashboard, and a browser to look at it: started once for the
// browser tests.
public sealed class DashboardAppFixture : IAsyncLifetime
{
    public const string BrowserToken = "0123456789abcdef0123456789abcdef";

    private readonly List<IBrowserContext> _contexts = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app did not start.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser did not start.");

    public Uri LoginUrl => App.DashboardLoginUrl!;

    public Uri DashboardUrl => App.GetEndpoint("dashboard", "http");

    // Where the tests leave screenshots of what they saw.
    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        _app = await ChatAppFixture.BuildAsync("--AppHost:DisableDashboard=false", $"--AppHost:DashboardBrowserToken={BrowserToken}");
        await _app.StartAsync().StartupTimeout();
        await ChatAppFixture.WaitUntilHealthyAsync(_app, "dashboard");
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
        Assertions.SetDefaultExpectTimeout((float)TimeoutExtensions.StartupTimeoutSpan.TotalMilliseconds);
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        lock (_contexts)
        {
            _contexts.Add(context);
        }
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)TimeoutExtensions.StartupTimeoutSpan.TotalMilliseconds);
        return page;
    }

    public async Task<IPage> LoggedInPageAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(LoginUrl.ToString());
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(DashboardUrl, "/").ToString());
        return page;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
