using AspireChat.Testing;
using Microsoft.Playwright;

namespace AspireChat.AppHost.Tests.Browser;

// Debian's Chromium, driven by Playwright (its own browser download cannot work here), installed
// by the first launch that finds it missing.
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        DebianPackages.Require("chromium", () => File.Exists(ExecutablePath), "the browser tests");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Playwright gives each launch a fresh profile; these keep Chromium off the (closed) network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }
}
