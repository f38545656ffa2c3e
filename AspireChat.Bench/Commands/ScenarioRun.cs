using System.CommandLine;
using AspireChat.Bench.Load;
using AspireChat.Bench.Reporting;
using AspireChat.Bench.Scenarios;

namespace AspireChat.Bench.Commands;

// One scenario against the server given by --server: its row, printed, and the exit code: 1 when
// the bench could not use the server, DeliveryCheck's when a delivery was not exact.
internal static class ScenarioRun
{
    public static Task<int> RunAsync<T>(ParseResult parsed, Option<Uri> server, Option<bool> workshop, string title, Func<ChatTarget, Task<T>> scenario)
        where T : IDeliveryCounts =>
        RunAsync(parsed.GetValue(server)!, parsed.GetValue(workshop), title, scenario);

    public static async Task<int> RunAsync<T>(Uri address, bool workshop, string title, Func<ChatTarget, Task<T>> scenario)
        where T : IDeliveryCounts
    {
        await using var target = new ChatTarget(address, workshop);
        try
        {
            var result = await scenario(target);
            ResultTable.Print(title, [result], Console.Out);
            if (target.UnconfirmedListeners > 0)
            {
                Console.Out.WriteLine($"Note: {target.UnconfirmedListeners} listener streams had sent no response headers within a second (a server that sends them with its first message, as grpcio does); they were used unconfirmed, so messages sent before the server subscribed them count as lost.");
            }
            return DeliveryCheck.ExitCode([result], Console.Error);
        }
        catch (Exception ex) when (ex is Grpc.Core.RpcException or InvalidOperationException or HttpRequestException)
        {
            Console.Error.WriteLine($"The bench could not use the server at {address}: {(ex is Grpc.Core.RpcException rpc ? rpc.Status.Detail : ex.Message)}");
            return 1;
        }
    }
}
