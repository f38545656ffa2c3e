using System.CommandLine;
using AspireChat.Bench.Scenarios;

namespace AspireChat.Bench.Commands;

// `suite`: the documented run, on servers of its own.
internal static class SuiteCommand
{
    public static Command Create()
    {
        var smoke = new Option<bool>("--smoke") { Description = "A few seconds of each scenario, to check the bench works (CI runs this)." };
        var output = new Option<string>("--output") { Description = "Where to write the results as JSON.", DefaultValueFactory = _ => "bench-results.json" };
        var command = new Command("suite", "Start a chat service, the ceiling server, the SignalR hub, and 3 chat replicas on a redis-server (the backplane); run every scenario (fan-out, latency, direct messages, capacity, CPU at rest), print the tables and the targets, and write the JSON.") { smoke, output };
        command.SetAction((parsed, cancellationToken) =>
            Suite.RunAsync(parsed.GetValue(smoke) ? SuiteOptions.Smoke : SuiteOptions.Full, parsed.GetValue(output)!, Console.Out, cancellationToken));
        return command;
    }
}
