using System.CommandLine;
using AspireChat.Bench.Web;

namespace AspireChat.Bench.Commands;

// `web`: the web page, on servers of its own (chat and the web app), in headless Chromium.
internal static class WebCommand
{
    public static Command Create()
    {
        var pages = new Option<int>("--pages") { Description = "Pages (people) in headless Chromium, each joined as page-<i>.", DefaultValueFactory = _ => 50 };
        pages.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 500)
            {
                result.AddError("--pages must be 1 to 500.");
            }
        });
        var (listeners, rate, duration) = (BenchOptions.Listeners(), BenchOptions.Rate(), BenchOptions.Duration());
        listeners.DefaultValueFactory = _ => 5;
        listeners.Description = "gRPC listeners on chat beside the pages: the baseline latency.";
        // A busy room: a message a second to 50 people is 50 lines a second for the browsers to
        // render on the same 2 cores (docs/performance.md).
        rate.DefaultValueFactory = _ => 1;
        duration.DefaultValueFactory = _ => 60;
        var output = new Option<string?>("--output") { Description = "Where to write the results as JSON." };
        var command = new Command("web", "Start chat and the web app; N pages in headless Chromium and gRPC listeners receive one sender's messages: send-to-rendered latency, loss and duplicates per page, the web app's memory and CPU per page.")
        {
            pages, listeners, rate, duration, output,
        };
        command.SetAction((parsed, cancellationToken) => WebRunner.RunAsync(
            new WebOptions(parsed.GetValue(pages), parsed.GetValue(listeners), parsed.GetValue(rate), TimeSpan.FromSeconds(parsed.GetValue(duration))),
            parsed.GetValue(output), Console.Out, cancellationToken));
        return command;
    }
}
