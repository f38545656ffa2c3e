using Microsoft.Playwright;

namespace AspireChat.AppHost.Tests.Dashboard;

// Debian's Chromium, driven by Playwright (its own browser download cannot work here). The
// README's test command installs it when missing (eng/install-test-dependencies.sh).
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"The browser tests need Chromium at {ExecutablePath}: run eng/install-test-dependencies.sh as root (dotnet test does so when it runs as root).");
        }
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Playwright gives each launch a fresh profile; these keep Chromium off the (closed) network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }
}
