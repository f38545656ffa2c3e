using AspireChat.Dashboard.Configuration;
using AspireChat.Dashboard.Model;
using AspireChat.Resources.Protocol;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace AspireChat.Dashboard.Resources;

// Follows the AppHost's resource service (when there is one): the resources, and the console
// output of every instance it reports. Reconnects if the AppHost's service goes away.
internal sealed partial class ResourceServiceClient(ResourceStore store, IOptions<DashboardOptions> options, ILogger<ResourceServiceClient> logger) : BackgroundService
{
    private const string ApiKeyHeader = "x-resource-service-api-key";
    private readonly ResourceServiceClientOptions _options = options.Value.ResourceServiceClient;
    private ResourceService.ResourceServiceClient? _client;

    public async Task<(bool Accepted, string Message)> ExecuteCommandAsync(string instanceName, string command, CancellationToken cancellationToken)
    {
        if (_client is null)
        {
            return (false, "No AppHost is connected: the dashboard runs standalone.");
        }
        try
        {
            var response = await _client.ExecuteCommandAsync(new ResourceCommandRequest { InstanceName = instanceName, Command = command }, Headers(), cancellationToken: cancellationToken);
            return (response.Accepted, response.Message);
        }
        catch (RpcException ex)
        {
            return (false, $"The AppHost did not take the command: {ex.Status.Detail}");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.Url is null)
        {
            return;
        }
        using var channel = GrpcChannel.ForAddress(_options.Url);
        _client = new ResourceService.ResourceServiceClient(channel);
        while (!stoppingToken.IsCancellationRequested)
        {
            var watched = new Dictionary<string, Task>(StringComparer.OrdinalIgnoreCase);
            using var connection = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            try
            {
                using var call = _client.WatchResources(new WatchResourcesRequest(), Headers(), cancellationToken: connection.Token);
                store.SetConnected(true);
                await foreach (var snapshot in call.ResponseStream.ReadAllAsync(connection.Token))
                {
                    store.Update(ToView(snapshot));
                    if (!watched.ContainsKey(snapshot.InstanceName))
                    {
                        watched[snapshot.InstanceName] = WatchConsoleAsync(_client, snapshot.InstanceName, connection.Token);
                    }
                }
            }
            catch (Exception ex) when (stoppingToken.IsCancellationRequested && ex is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
            {
                // The dashboard is stopping.
            }
            catch (RpcException ex)
            {
                LogDisconnected(logger, _options.Url, ex.Status.Detail);
            }
            store.SetConnected(false);
            await connection.CancelAsync();
            await Task.WhenAll(watched.Values);
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async Task WatchConsoleAsync(ResourceService.ResourceServiceClient client, string instanceName, CancellationToken cancellationToken)
    {
        try
        {
            using var call = client.WatchConsoleLogs(new WatchConsoleLogsRequest { InstanceName = instanceName }, Headers(), cancellationToken: cancellationToken);
            await foreach (var batch in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                store.AddConsoleLines(instanceName, batch.Lines.Select(l => new ConsoleLine(l.Sequence, DateTimeOffset.FromUnixTimeMilliseconds(l.TimestampUnixMs), l.Text, l.IsError)));
            }
        }
        catch (Exception ex) when (ex is RpcException or OperationCanceledException)
        {
            // The resource watch reconnects and watches again.
        }
    }

    private Metadata Headers() => string.IsNullOrEmpty(_options.ApiKey) ? [] : new Metadata { { ApiKeyHeader, _options.ApiKey } };

    private static ResourceView ToView(ResourceSnapshot s) => new(
        s.InstanceName,
        s.ResourceName,
        s.InstanceId,
        s.Type,
        s.State,
        string.IsNullOrEmpty(s.Health) ? null : s.Health,
        s.StartedAtUnixMs == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(s.StartedAtUnixMs),
        s.Restarts,
        [.. s.Endpoints.Select(e => new ResourceEndpointView(e.Name, e.Url))],
        s.ProcessId == 0 ? null : s.ProcessId,
        s.HasExitCode ? s.ExitCode : null,
        string.IsNullOrEmpty(s.Message) ? null : s.Message);

    [LoggerMessage(1, LogLevel.Warning, "Lost the AppHost's resource service at {Url} ({Reason}); reconnecting", EventName = "ResourceServiceDisconnected")]
    private static partial void LogDisconnected(ILogger logger, Uri url, string reason);
}
