using System.Text.Json;
using AspireChat.Testing;

namespace AspireChat.Bench.Tests;

// The web bench still runs: a few seconds of two pages in headless Chromium (Debian's, installed
// the first time it is missing, as for the browser tests) through the web app, every message
// rendered once in each.
public sealed class WebBenchSmokeTests
{
    [Fact]
    public async Task Web_TwoPages_RenderEveryMessageOnce()
    {
        DebianPackages.Require("chromium", () => File.Exists("/usr/bin/chromium"), "the web bench test");
        var output = Path.Combine(Path.GetTempPath(), $"aspirechat-bench-web-{Guid.NewGuid():N}.json");
        await using var bench = ProjectProcess.Start("AspireChat.Bench", ["web", "--pages", "2", "--rate", "5", "--duration", "3", "--output", output]);

        var exitCode = await bench.WaitForExitAsync(TimeoutExtensions.StartupTimeoutSpan * 3);

        Assert.True(exitCode == 0, $"web exited with {exitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, bench.Lines)}");
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        File.Delete(output);
        var run = report.RootElement.GetProperty("run");
        Assert.Equal(2, run.GetProperty("pages").GetInt32());
        Assert.Equal(15, run.GetProperty("accepted").GetInt64());
        Assert.Equal(0, run.GetProperty("lost").GetInt64());
        Assert.Equal(0, run.GetProperty("duplicates").GetInt64());
        var perPage = report.RootElement.GetProperty("perPage").EnumerateArray().ToList();
        Assert.Equal(2, perPage.Count);
        Assert.All(perPage, page =>
        {
            Assert.Equal(15, page.GetProperty("rendered").GetInt64());
            Assert.Equal(0, page.GetProperty("lost").GetInt64());
            Assert.Equal(0, page.GetProperty("duplicates").GetInt64());
        });
        Assert.True(report.RootElement.GetProperty("webApp").GetProperty("rssPerPageKiB").ValueKind == JsonValueKind.Number);
    }
}
