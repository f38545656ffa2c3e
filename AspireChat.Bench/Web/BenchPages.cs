using Microsoft.Playwright;

namespace AspireChat.Bench.Web;

// People in headless Chromium (Debian's): a browser context each (its own cookies and
// storage: its own session), each page joined to the room as page-<i> and observing its
// conversation (RenderedLines). Disposed, the browser closes.
internal sealed class BenchPages : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // Pages joining at once: each join costs the web app a circuit and the browser a renderer.
    private const int JoinParallelism = 4;
    private const float ActionTimeoutMs = 60_000;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<IPage> _pages = [];

    private BenchPages(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public int Count => _pages.Count;

    public static async Task<BenchPages> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                // Playwright gives each launch a fresh profile; these keep Chromium off the (closed) network.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            return new BenchPages(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    // Joins `count` more pages, a few at a time, named on from the pages already joined.
    public async Task JoinAsync(Uri site, int count, CancellationToken cancellationToken)
    {
        var first = _pages.Count;
        var joined = new IPage[count];
        using var gate = new SemaphoreSlim(JoinParallelism);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                joined[i] = await JoinAsync(_browser, site, $"page-{first + i}");
            }
            finally
            {
                gate.Release();
            }
        }));
        _pages.AddRange(joined);
    }

    // Lines recorded so far, per page.
    public async Task<int[]> CountsAsync() =>
        await Task.WhenAll(_pages.Select(p => p.EvaluateAsync<int>(RenderedLines.Count)));

    // Until every page has recorded the expected number of lines, or none has recorded one more
    // for a while.
    public async Task DrainAsync(long expected, TimeSpan idle, CancellationToken cancellationToken)
    {
        var last = -1L;
        var progress = System.Diagnostics.Stopwatch.StartNew();
        while (await CountsAsync() is var counts && counts.Any(c => c < expected))
        {
            if (counts.Sum() != last)
            {
                last = counts.Sum();
                progress.Restart();
            }
            else if (progress.Elapsed > idle)
            {
                return;
            }
            // Each poll is a script run in every page: seldom, so as not to load the pages it measures.
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    // Per page, every recorded line: its message number and when it entered the page (unix ms).
    public async Task<IReadOnlyList<(long Seq, double RenderedUnixMs)>[]> CollectAsync()
    {
        var all = await Task.WhenAll(_pages.Select(p => p.EvaluateAsync<double[][]>(RenderedLines.Collect)));
        return [.. all.Select(page => (IReadOnlyList<(long, double)>)[.. page.Select(r => ((long)r[0], r[1]))])];
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }

    // As a person does: open the page, type a name, press Enter, wait until the room is live.
    private static async Task<IPage> JoinAsync(IBrowser browser, Uri site, string name)
    {
        var context = await browser.NewContextAsync();
        context.SetDefaultTimeout(ActionTimeoutMs);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.ToString());
        var username = page.GetByLabel("Username");
        await username.FillAsync(name);
        await username.PressAsync("Enter");
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Connected" }).WaitForAsync();
        await page.GetByRole(AriaRole.Log, new() { Name = "Conversation" }).WaitForAsync();
        await page.EvaluateAsync(RenderedLines.Install);
        // A person reading, not typing: no caret blinking in the message box, which would repaint
        // every page twice a second whatever the room does.
        await page.GetByLabel("Message", new() { Exact = true }).BlurAsync();
        return page;
    }
}
