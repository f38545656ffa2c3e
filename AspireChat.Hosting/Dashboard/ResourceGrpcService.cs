using System.Security.Cryptography;
using System.Text;
using AspireChat.Hosting.Logging;
using AspireChat.Hosting.Orchestration;
using AspireChat.Resources.Protocol;
using Grpc.Core;

namespace AspireChat.Hosting.Dashboard;

// The AppHost's side of the dashboard: resources, their console output, and commands on them.
// Only a caller with the key the AppHost gave its dashboard gets in.
internal sealed class ResourceGrpcService(
    ResourceNotificationService notifications,
    ResourceLogService logs,
    ApplicationOrchestrator orchestrator,
    DashboardSettings settings) : ResourceService.ResourceServiceBase
{
    private const string ApiKeyHeader = "x-resource-service-api-key";
    private const int MaxBatch = 500;

    public override async Task WatchResources(WatchResourcesRequest request, IServerStreamWriter<AspireChat.Resources.Protocol.ResourceSnapshot> responseStream, ServerCallContext context)
    {
        Authorize(context);
        await foreach (var snapshot in notifications.WatchAsync(context.CancellationToken))
        {
            if (snapshot.ResourceName != DashboardSettings.ResourceName)
            {
                await responseStream.WriteAsync(ToProto(snapshot), context.CancellationToken);
            }
        }
    }

    public override async Task WatchConsoleLogs(WatchConsoleLogsRequest request, IServerStreamWriter<ConsoleLogBatch> responseStream, ServerCallContext context)
    {
        Authorize(context);
        if (!notifications.GetSnapshots().Any(s => s.InstanceName == request.InstanceName))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"The app has no resource instance named '{request.InstanceName}'."));
        }
        // Lines come one by one; they leave in batches of what has queued up meanwhile.
        var lines = System.Threading.Channels.Channel.CreateBounded<LogLine>(new System.Threading.Channels.BoundedChannelOptions(10_000) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropOldest });
        var pump = Task.Run(async () =>
        {
            await foreach (var line in logs.WatchAsync(request.InstanceName, context.CancellationToken))
            {
                lines.Writer.TryWrite(line);
            }
        }, context.CancellationToken);
        try
        {
            while (await lines.Reader.WaitToReadAsync(context.CancellationToken))
            {
                var batch = new ConsoleLogBatch();
                while (batch.Lines.Count < MaxBatch && lines.Reader.TryRead(out var line))
                {
                    batch.Lines.Add(new ConsoleLogLine { Sequence = line.Sequence, TimestampUnixMs = line.Timestamp.ToUnixTimeMilliseconds(), Text = line.Text, IsError = line.IsError });
                }
                await responseStream.WriteAsync(batch, context.CancellationToken);
            }
        }
        finally
        {
            await pump.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public override async Task<ResourceCommandResponse> ExecuteCommand(ResourceCommandRequest request, ServerCallContext context)
    {
        Authorize(context);
        var (accepted, message) = await orchestrator.ExecuteCommandAsync(request.InstanceName, request.Command);
        return new ResourceCommandResponse { Accepted = accepted, Message = message };
    }

    private void Authorize(ServerCallContext context)
    {
        var sent = context.RequestHeaders.GetValue(ApiKeyHeader) ?? "";
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(settings.ResourceServiceApiKey)))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, $"The resource service needs the {ApiKeyHeader} header the AppHost gave its dashboard."));
        }
    }

    private static AspireChat.Resources.Protocol.ResourceSnapshot ToProto(Orchestration.ResourceSnapshot snapshot)
    {
        var result = new AspireChat.Resources.Protocol.ResourceSnapshot
        {
            InstanceName = snapshot.InstanceName,
            ResourceName = snapshot.ResourceName,
            InstanceId = snapshot.InstanceId,
            Type = snapshot.ResourceType,
            State = snapshot.State.ToString(),
            Health = snapshot.Health?.ToString() ?? "",
            StartedAtUnixMs = snapshot.StartedAt?.ToUnixTimeMilliseconds() ?? 0,
            Restarts = snapshot.Restarts,
            ProcessId = snapshot.ProcessId ?? 0,
            Message = snapshot.Message ?? "",
        };
        if (snapshot.ExitCode is { } exitCode)
        {
            result.ExitCode = exitCode;
        }
        result.Endpoints.AddRange(snapshot.Endpoints.Select(e => new ResourceEndpoint { Name = e.Name, Url = e.Url.GetLeftPart(UriPartial.Authority) }));
        return result;
    }
}
