using System.Diagnostics;
using AspireChat.Bench.Scenarios;
using AspireChat.Bench.Servers;

namespace AspireChat.Bench.Web;

// CPU seconds spent by each process of the run over the send window (from the first send until
// every page had every message), on the same 2 cores: the web app, chat, the browser side
// (Chromium's renderers, its other processes, Playwright's driver) and this program (the sender and the gRPC
// listeners). Null where a process had gone by the end.
internal sealed record WindowCpu(double WindowSeconds, double? WebApp, double? Chat, double? Renderers, double? Chromium, double? Driver, double Bench)
{
    public static Func<WindowCpu> Start(WebServers servers)
    {
        var webApp = CpuUse.Start(new ServerProcess(servers.Web.ProcessId));
        var chat = CpuUse.Start(new ServerProcess(servers.Chat.ProcessId));
        var browser = BrowserProcesses.Now(servers.Chat.ProcessId, servers.Web.ProcessId);
        var (renderers, chromium, driver) = (CpuUse.Start(browser.Renderers), CpuUse.Start(browser.Chromium), CpuUse.Start(browser.Driver));
        var window = Stopwatch.StartNew();
        return () => new(Math.Round(window.Elapsed.TotalSeconds, 2), Rounded(webApp.ServerSeconds()), Rounded(chat.ServerSeconds()),
            Rounded(renderers.ServerSeconds()), Rounded(chromium.ServerSeconds()), Rounded(driver.ServerSeconds()),
            Math.Round(webApp.ClientSeconds(), 2));
    }

    private static double? Rounded(double? seconds) => seconds is { } s ? Math.Round(s, 2) : null;
}
