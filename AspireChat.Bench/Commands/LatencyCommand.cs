using System.CommandLine;
using AspireChat.Bench.Scenarios;
using AspireChat.Bench.Servers;

namespace AspireChat.Bench.Commands;

// `latency`: LatencyScenario against any server of the chat contract.
internal static class LatencyCommand
{
    public static Command Create(Option<Uri> server)
    {
        var (workshop, serverPid, listeners, rate, duration, size) =
            (BenchOptions.Workshop(), BenchOptions.ServerPid(), BenchOptions.Listeners(), BenchOptions.Rate(), BenchOptions.Duration(), BenchOptions.Size());
        var command = new Command("latency", "N listeners, one sender at a steady rate: send-to-receive percentiles, server CPU.") { server, workshop, serverPid, listeners, rate, duration, size };
        command.SetAction((parsed, cancellationToken) => ScenarioRun.RunAsync(parsed, server, workshop, "Latency (ms)", target =>
            LatencyScenario.RunAsync(target, ServerProcess.Optional(parsed.GetValue(serverPid)), parsed.GetValue(listeners), parsed.GetValue(rate),
                TimeSpan.FromSeconds(parsed.GetValue(duration)), parsed.GetValue(size), cancellationToken)));
        return command;
    }
}
