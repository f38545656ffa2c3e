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
        var idleSeconds = new Option<double?>("--idle-seconds") { Description = "Then, with every stream open, the server's CPU at rest over this many seconds after 5 s to settle (needs --server-pid)." };
        var command = new Command("capacity", "Open Listen streams up to N: memory per idle listener, time to connect, one broadcast to all.") { server, workshop, serverPid, listeners, memoryLimit, idleSeconds };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(memoryLimit) is not null || result.GetValue(idleSeconds) is not null) && result.GetValue(serverPid) is null)
            {
                result.AddError("--memory-limit-mb and --idle-seconds need --server-pid: the bench reads the server's memory and CPU from its process.");
            }
            if (result.GetValue(idleSeconds) is <= 0 or > 3600)
            {
                result.AddError("--idle-seconds must be above 0 and at most 3600.");
            }
        });
        command.SetAction((parsed, cancellationToken) => ScenarioRun.RunAsync(parsed, server, workshop, "Capacity", target =>
            CapacityScenario.RunAsync(target, ServerProcess.Optional(parsed.GetValue(serverPid)), parsed.GetValue(listeners), parsed.GetValue(memoryLimit),
                parsed.GetValue(idleSeconds) is { } seconds ? new IdleCpu(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(seconds)) : null, cancellationToken)));
        return command;
    }
}
