using System.CommandLine;
using AspireChat.Bench.Reporting;
using AspireChat.Bench.Scenarios;
using AspireChat.Bench.Servers;
using AspireChat.Client.Connection;

namespace AspireChat.Bench.Commands;

// `dm`: the direct-message scenario, on the suite's servers of its own (the in-memory chat
// service, the SignalR hub, the backplane), or against one chat server given by --server.
internal static class DirectCommand
{
    private const int Replicas = 3;
    private static readonly TimeSpan s_warmUp = TimeSpan.FromSeconds(2);

    public static Command Create()
    {
        var users = new Option<int>("--users") { Description = "Simulated users, each listening and sending direct messages to random others.", DefaultValueFactory = _ => 8 };
        users.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 2 or > 100_000)
            {
                result.AddError("--users must be 2 to 100,000: each sends to the others.");
            }
        });
        var server = new Option<Uri?>("--server") { Description = "One chat server's gRPC address (h2c) to measure alone, instead of starting the bench's own.", CustomParser = ChatServerAddress.Parse };
        var rounds = new Option<int>("--rounds") { Description = "Rounds against each of the bench's own servers (after a warm-up of 2 s each); the tables show every round and each server's median.", DefaultValueFactory = _ => 1 };
        var (serverPid, duration, size) = (BenchOptions.ServerPid(), BenchOptions.Duration(), BenchOptions.Size());
        var command = new Command("dm", "N users, each listening and sending direct messages at full speed to random others: messages per second, lost, misdelivered, server CPU per message.")
        {
            users, server, rounds, serverPid, duration, size,
        };
        command.SetAction((parsed, cancellationToken) =>
        {
            var (count, seconds, length) = (parsed.GetValue(users), TimeSpan.FromSeconds(parsed.GetValue(duration)), parsed.GetValue(size));
            return parsed.GetValue(server) is { } address
                ? ScenarioRun.RunAsync(address, workshop: false, "Direct messages", target =>
                    DirectScenario.RunAsync(target, ServerProcess.Optional(parsed.GetValue(serverPid)), count, seconds, length, cancellationToken))
                : OwnServersAsync(count, seconds, length, Math.Max(1, parsed.GetValue(rounds)), cancellationToken);
        });
        return command;
    }

    private static async Task<int> OwnServersAsync(int users, TimeSpan duration, int size, int rounds, CancellationToken cancellationToken)
    {
        if (await SuiteServers.TryStartAsync(Replicas, Console.Error, cancellationToken) is not { } servers)
        {
            return 1;
        }
        await using (servers)
        {
            servers.Describe(Console.Out);
            var measured = servers.Direct.All;
            await SuiteRounds.EachAsync(measured, 0, (t, process) => DirectScenario.RunAsync(t, process, users, s_warmUp, size, cancellationToken));
            var figures = DirectFigures.Of(await SuiteRounds.RoundsAsync(measured, DirectServers<DirectResult>.Of, [users], rounds, (n, t, process) =>
                DirectScenario.RunAsync(t, process, n, duration, size, cancellationToken)));
            figures.Print(duration, size, Replicas, Console.Out);
            return DeliveryCheck.ExitCode(figures.AllRows, Console.Error);
        }
    }
}
