using AspireChat.Bench.Reporting;
using Microsoft.Playwright;

namespace AspireChat.Bench.Web;

// The web command's run: its servers, the scenario, the tables, the JSON, and the exit code: 1
// when it could not run, DeliveryCheck's when a page (or a listener) lost or doubled a message.
internal static class WebRunner
{
    public static async Task<int> RunAsync(WebOptions options, string? output, TextWriter console, CancellationToken cancellationToken)
    {
        if (!File.Exists(BenchPages.ChromiumPath))
        {
            await Console.Error.WriteLineAsync($"Debian's chromium is missing ({BenchPages.ChromiumPath}): the web bench drives it headless. Install it: sudo apt-get install chromium");
            return 1;
        }
        WebReport report;
        try
        {
            await using var servers = await WebServers.StartAsync(cancellationToken);
            console.WriteLine($"Machine: {SuiteReport.DescribeMachine()}");
            console.WriteLine($"Chat service at {servers.Chat.GrpcUrl} (process {servers.Chat.ProcessId}); web app at {servers.Web.HttpUrl} (process {servers.Web.ProcessId}).");
            report = await WebScenario.RunAsync(servers, options, console, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or PlaywrightException or TimeoutException or Grpc.Core.RpcException)
        {
            await Console.Error.WriteLineAsync($"The web bench could not run: {ex.Message}");
            return 1;
        }
        report.Print(console);
        if (output is not null)
        {
            await report.WriteAsync(output, cancellationToken);
            console.WriteLine();
            console.WriteLine($"Wrote {Path.GetFullPath(output)}");
        }
        return DeliveryCheck.ExitCode(report.CountedRuns(), Console.Error);
    }
}
