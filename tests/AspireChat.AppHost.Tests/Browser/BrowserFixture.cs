using AspireChat.Testing;
using Microsoft.Playwright;

namespace AspireChat.AppHost.Tests.Browser;

// One Chromium for the browser tests (the dashboard's, the chat page's), each of which opens pages in a context of its own.
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    // Where the tests leave screenshots of what they saw (docs/ holds copies).
    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
        Assertions.SetDefaultExpectTimeout((float)TimeoutExtensions.StartupTimeoutSpan.TotalMilliseconds);
    }

    // A page in a context of its own: another browser, as far as any site can tell.
    public async Task<IPage> NewPageAsync(int width = 1400, int height = 800)
    {
        var browser = _browser ?? throw new InvalidOperationException("The browser did not start.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)TimeoutExtensions.StartupTimeoutSpan.TotalMilliseconds);
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"{name}.png") });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
