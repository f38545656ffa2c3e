using System.CommandLine;
using AspireChat.Bench.Servers;

namespace AspireChat.Bench.Commands;

// `ceiling-server`: the ceiling, as the suite starts it, or for a run of one scenario against it.
internal static class CeilingServerCommand
{
    public static Command Create()
    {
        var command = new Command("ceiling-server", "Serve the bare gRPC fan-out (the ceiling) on ASPNETCORE_URLS.");
        command.SetAction((_, cancellationToken) => CeilingServer.RunAsync(cancellationToken));
        return command;
    }
}
