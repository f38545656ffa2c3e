using System.CommandLine;
using AspireChat.Bench.Load;
using AspireChat.Bench.Micro;
using AspireChat.Bench.Reporting;
using AspireChat.Bench.Scenarios;
using AspireChat.Bench.Servers;
using AspireChat.Client.Connection;
using BenchmarkDotNet.Running;

namespace AspireChat.Bench;

// The bench's commands: the suite (its own servers, the backplane's included), each scenario
// against any server of the contract, the ceiling and SignalR servers, and the microbenchmarks.
internal static class BenchCommands
{
    public static RootCommand Create()
    {
        var root = new RootCommand("AspireChat.Bench: fan-out throughput, latency and capacity of a chat server, against the raw gRPC ceiling and a SignalR hub.");

        var smoke = new Option<bool>("--smoke") { Description = "A few seconds of each scenario, to check the bench works (CI runs this)." };
        var output = new Option<string>("--output") { Description = "Where to write the results as JSON.", DefaultValueFactory = _ => "bench-results.json" };
        var suite = new Command("suite", "Start a chat service, the ceiling server, the SignalR hub, and 3 chat replicas on a redis-server (the backplane); run every scenario, print the tables and write the JSON.") { smoke, output };
        suite.SetAction((parsed, cancellationToken) => Suite.RunAsync(parsed.GetValue(smoke) ? SuiteOptions.Smoke : SuiteOptions.Full, parsed.GetValue(output)!, Console.Out, cancellationToken));
        root.Subcommands.Add(suite);

        var server = new Option<Uri>("--server")
        {
            Description = "The server's gRPC address (h2c), such as http://localhost:50051.",
            Required = true,
            CustomParser = ChatServerAddress.Parse,
        };
        var workshop = new Option<bool>("--workshop") { Description = "Use only the workshop's calls: AddUser, Listen, SendMessage with user; no tokens; a connection per simulated user." };
        var serverPid = new Option<int?>("--server-pid") { Description = "The server's process id, to report its CPU time and memory." };
        var listeners = new Option<int>("--listeners") { Description = "Simulated listeners.", DefaultValueFactory = _ => 100 };
        var senders = new Option<int>("--senders") { Description = "Simulated senders.", DefaultValueFactory = _ => 4 };
        var duration = new Option<double>("--duration") { Description = "Seconds of sending.", DefaultValueFactory = _ => 5 };
        var size = new Option<int>("--size") { Description = "Characters per message.", DefaultValueFactory = _ => 128 };
        var rate = new Option<double>("--rate") { Description = "Messages per second (latency).", DefaultValueFactory = _ => 10 };
        var memoryLimit = new Option<double?>("--memory-limit-mb") { Description = "Stop opening streams once the server holds this much memory (capacity; needs --server-pid)." };

        listeners.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--listeners must be at least 1."); } });
        senders.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--senders must be at least 1."); } });
        duration.Validators.Add(r => { if (r.GetValueOrDefault<double>() is <= 0 or > 3600) { r.AddError("--duration must be between 0 and 3600 seconds."); } });
        size.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 32 or > 4096) { r.AddError("--size must be 32 to 4096 characters (the chat's limit is 4,096)."); } });
        rate.Validators.Add(r => { if (r.GetValueOrDefault<double>() is <= 0 or > 100_000) { r.AddError("--rate must be above 0 and at most 100,000 messages a second."); } });
        serverPid.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is { } pid && !File.Exists($"/proc/{pid}/stat"))
            {
                r.AddError($"--server-pid {pid}: there is no such process.");
            }
        });

        var fanOut = new Command("fanout", "N listeners, S senders at full speed: accepted, delivered, lost, server CPU.") { server, workshop, serverPid, listeners, senders, duration, size };
        fanOut.SetAction((parsed, cancellationToken) => RunAsync(parsed, server, workshop, target =>
            FanOutScenario.RunAsync(target, ServerProcess.Optional(parsed.GetValue(serverPid)), parsed.GetValue(listeners), parsed.GetValue(senders), TimeSpan.FromSeconds(parsed.GetValue(duration)), parsed.GetValue(size), cancellationToken), "Fan-out"));
        root.Subcommands.Add(fanOut);

        var latency = new Command("latency", "N listeners, one sender at a steady rate: send-to-receive percentiles, server CPU.") { server, workshop, serverPid, listeners, rate, duration, size };
        latency.SetAction((parsed, cancellationToken) => RunAsync(parsed, server, workshop, target =>
            LatencyScenario.RunAsync(target, ServerProcess.Optional(parsed.GetValue(serverPid)), parsed.GetValue(listeners), parsed.GetValue(rate), TimeSpan.FromSeconds(parsed.GetValue(duration)), parsed.GetValue(size), cancellationToken), "Latency (ms)"));
        root.Subcommands.Add(latency);

        var capacity = new Command("capacity", "Open Listen streams up to N: memory per idle listener, time to connect, one broadcast to all.") { server, workshop, serverPid, listeners, memoryLimit };
        capacity.Validators.Add(r =>
        {
            if (r.GetValue(memoryLimit) is not null && r.GetValue(serverPid) is null)
            {
                r.AddError("--memory-limit-mb needs --server-pid: the bench reads the server's memory from its process.");
            }
        });
        capacity.SetAction((parsed, cancellationToken) => RunAsync(parsed, server, workshop, target =>
            CapacityScenario.RunAsync(target, ServerProcess.Optional(parsed.GetValue(serverPid)), parsed.GetValue(listeners), parsed.GetValue(memoryLimit), cancellationToken), "Capacity"));
        root.Subcommands.Add(capacity);

        var ceiling = new Command("ceiling-server", "Serve the bare gRPC fan-out (the ceiling) on ASPNETCORE_URLS.");
        ceiling.SetAction((_, cancellationToken) => CeilingServer.RunAsync(cancellationToken));
        root.Subcommands.Add(ceiling);

        var signalR = new Command("signalr-server", $"Serve the chat room as a SignalR hub (MessagePack, WebSockets) at {SignalRServer.HubPath} on ASPNETCORE_URLS.");
        signalR.SetAction((_, cancellationToken) => SignalRServer.RunAsync(cancellationToken));
        root.Subcommands.Add(signalR);

        var micro = new Command("micro", "BenchmarkDotNet microbenchmarks of the hot path (run with -c Release); arguments after -- go to BenchmarkDotNet.");
        micro.TreatUnmatchedTokensAsErrors = false;
        micro.SetAction(parsed =>
        {
            // Every benchmark unless told otherwise (BenchmarkDotNet would otherwise ask which).
            string[] arguments = parsed.UnmatchedTokens.Count == 0 ? ["--filter", "*"] : [.. parsed.UnmatchedTokens];
            BenchmarkSwitcher.FromAssembly(typeof(FanOutBenchmarks).Assembly).Run(arguments);
            return 0;
        });
        root.Subcommands.Add(micro);
        return root;
    }

    private static async Task<int> RunAsync<T>(ParseResult parsed, Option<Uri> server, Option<bool> workshop, Func<IFanOutTarget, Task<T>> scenario, string title)
    {
        var address = parsed.GetValue(server)!;
        await using var target = new ChatTarget(address, parsed.GetValue(workshop));
        try
        {
            var result = await scenario(target);
            ResultTable.Print(title, [result], Console.Out);
            if (target.UnconfirmedListeners > 0)
            {
                Console.Out.WriteLine($"Note: {target.UnconfirmedListeners} listener streams had sent no response headers within a second (a server that sends them with its first message, as grpcio does); they were used unconfirmed, so messages sent before the server subscribed them count as lost.");
            }
            return 0;
        }
        catch (Exception ex) when (ex is Grpc.Core.RpcException or InvalidOperationException or HttpRequestException)
        {
            Console.Error.WriteLine($"The bench could not use the server at {address}: {(ex is Grpc.Core.RpcException rpc ? rpc.Status.Detail : ex.Message)}");
            return 1;
        }
    }
}
