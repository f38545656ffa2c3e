using AspireChat.Hosting.ApplicationModel;
using AspireChat.Hosting.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AspireChat.Hosting.Orchestration;

// Starts a supervisor per resource instance with the host, and stops them with it: dependents
// first, so that a bot leaves before the chat service it talks to goes away.
internal sealed class ApplicationOrchestrator(
    IReadOnlyList<ResourceInstance> instances,
    ProcessLauncher launcher,
    ResourceNotificationService notifications,
    ResourceLogService logs,
    IHostEnvironment hostEnvironment,
    IConfiguration configuration,
    IOptions<AppHostOptions> options,
    ILoggerFactory loggerFactory) : IHostedService, IDisposable
{
    private readonly HttpClient _healthClient = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<ResourceSupervisor> _supervisors = [];
    private readonly ILogger _logger = loggerFactory.CreateLogger("AspireChat.Hosting");
    private Task _announcement = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Aspire's AppHost reads the dashboard's OTLP endpoint from these; without one, resources export nothing.
        var otlpEndpoint = configuration["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] ?? configuration["DOTNET_DASHBOARD_OTLP_ENDPOINT_URL"];
        foreach (var instance in instances)
        {
            var environment = ResourceEnvironment.For(instance, instances, hostEnvironment, otlpEndpoint, options.Value.OtlpApiKey);
            _supervisors.Add(new ResourceSupervisor(instance, environment, launcher, notifications, logs, _healthClient, options.Value, _logger));
        }
        foreach (var supervisor in _supervisors)
        {
            supervisor.Start();
        }
        _announcement = AnnounceWhenUpAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        foreach (var level in _supervisors.GroupBy(s => Depth(s.Instance.Resource)).OrderByDescending(level => level.Key))
        {
            await Task.WhenAll(level.Select(s => s.StopAsync()));
        }
        await _announcement;
    }

    public void Dispose()
    {
        _healthClient.Dispose();
        _stopping.Dispose();
    }

    // How far a resource sits from resources that need nothing: 0 for those, 1 for what needs them ...
    internal static int Depth(Resource resource) =>
        resource.References.Concat(resource.WaitsFor).Select(Depth).DefaultIfEmpty(-1).Max() + 1;

    private async Task AnnounceWhenUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var resource in instances.Select(i => i.Resource).Distinct())
            {
                await notifications.WaitForResourceHealthyAsync(resource.Name, cancellationToken);
            }
            HostingLog.AllResourcesUp(_logger, string.Join(", ", instances.Select(i => i.Endpoints.Count == 0 ? i.Name : $"{i.Name} ({i.DescribeEndpoints()})")));
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            // Stopped first, or a resource failed: its supervisor has said why.
        }
    }
}
