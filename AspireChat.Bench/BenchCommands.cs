using System.CommandLine;
using AspireChat.Bench.Commands;
using AspireChat.Client.Connection;

namespace AspireChat.Bench;

// The bench's commands: the suite (its own servers, the backplane's included), each scenario
// against any server of the contract, the ceiling and SignalR servers, and the microbenchmarks.
internal static class BenchCommands
{
    public static RootCommand Create()
    {
        var root = new RootCommand("AspireChat.Bench: fan-out throughput, latency and capacity of a chat server, against the raw gRPC ceiling and a SignalR hub.");

        var server = new Option<Uri>("--server")
        {
            Description = "The server's gRPC address (h2c), such as http://localhost:50051.",
            Required = true,
            CustomParser = ChatServerAddress.Parse,
        };

        root.Subcommands.Add(SuiteCommand.Create());
        root.Subcommands.Add(FanOutCommand.Create(server));
        root.Subcommands.Add(LatencyCommand.Create(server));
        root.Subcommands.Add(CapacityCommand.Create(server));
        root.Subcommands.Add(DirectCommand.Create());
        root.Subcommands.Add(CeilingServerCommand.Create());
        root.Subcommands.Add(SignalRServerCommand.Create());
        root.Subcommands.Add(WebCommand.Create());
        root.Subcommands.Add(MicroCommand.Create());
        return root;
    }
}
