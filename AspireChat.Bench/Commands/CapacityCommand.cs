using System.CommandLine;
using AspireChat.Bench.Scenarios;
using AspireChat.Bench.Servers;

namespace AspireChat.Bench.Commands;

// `capacity`: CapacityScenario against any server of the chat contract.
internal static class CapacityCommand
{
    public static Command Create(Option<Uri> server)
    {
        var (workshop, serverPid, listeners, memoryLimit) = (BenchOptions.Workshop(), BenchOptions.ServerPid(), BenchOptions.Listeners(), BenchOptions.MemoryLimit());
        var command = new Command("capacity", "Open Listen streams up to N: memory per idle listener, time to connect, one broadcast to all.") { server, workshop, serverPid, listeners, memoryLimit };
        command.Validators.Add(result =>
        {
            if (result.GetValue(memoryLimit) is not null && result.GetValue(serverPid) is null)
            {
                result.AddError("--memory-limit-mb needs --server-pid: the bench reads the server's memory from its process.");
            }
        });
        command.SetAction((parsed, cancellationToken) => ScenarioRun.RunAsync(parsed, server, workshop, "Capacity", target =>
            CapacityScenario.RunAsync(target, ServerProcess.Optional(parsed.GetValue(serverPid)), parsed.GetValue(listeners), parsed.GetValue(memoryLimit), idle: null, cancellationToken)));
        return command;
    }
}
