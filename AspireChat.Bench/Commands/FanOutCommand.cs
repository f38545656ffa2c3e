using System.CommandLine;
using AspireChat.Bench.Scenarios;
using AspireChat.Bench.Servers;

namespace AspireChat.Bench.Commands;

// `fanout`: FanOutScenario against any server of the chat contract.
internal static class FanOutCommand
{
    public static Command Create(Option<Uri> server)
    {
        var (workshop, serverPid, listeners, senders, duration, size) =
            (BenchOptions.Workshop(), BenchOptions.ServerPid(), BenchOptions.Listeners(), BenchOptions.Senders(), BenchOptions.Duration(), BenchOptions.Size());
        var command = new Command("fanout", "N listeners, S senders at full speed: accepted, delivered, lost, server CPU.") { server, workshop, serverPid, listeners, senders, duration, size };
        command.SetAction((parsed, cancellationToken) => ScenarioRun.RunAsync(parsed, server, workshop, "Fan-out", target =>
            FanOutScenario.RunAsync(target, ServerProcess.Optional(parsed.GetValue(serverPid)), parsed.GetValue(listeners), parsed.GetValue(senders),
                TimeSpan.FromSeconds(parsed.GetValue(duration)), parsed.GetValue(size), cancellationToken)));
        return command;
    }
}
