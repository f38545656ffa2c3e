using AspireChat.Hosting.ApplicationModel;
using AspireChat.Hosting.Dashboard;
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
    DashboardSettings dashboard,
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
        // Telemetry goes to the dashboard the AppHost starts, else where Aspire's AppHost would
        // send it (ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL), else nowhere.
        var dashboardInstance = instances.FirstOrDefault(i => i.Resource.Name == DashboardSettings.ResourceName && dashboard.IsEnabled);
        var otlpEndpoint = dashboardInstance?.Endpoints.Single(e => e.Name == "otlpGrpc").Url.GetLeftPart(UriPartial.Authority)
            ?? configuration["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] ?? configuration["DOTNET_DASHBOARD_OTLP_ENDPOINT_URL"];
        var otlpApiKey = dashboard.IsEnabled ? dashboard.OtlpApiKey : options.Value.OtlpApiKey;
        foreach (var instance in instances)
        {
            // Computed at each launch, inside the supervisor: a resource whose files cannot be read fails alone.
            IReadOnlyDictionary<string, string> Environment() => instance == dashboardInstance
                ? ResourceEnvironment.ForDashboard(instance, instances, hostEnvironment, dashboard)
                : ResourceEnvironment.For(instance, instances, hostEnvironment, otlpEndpoint, otlpApiKey);
            _supervisors.Add(new ResourceSupervisor(instance, Environment, launcher, notifications, logs, _healthClient, options.Value, _logger));
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
            await Task.WhenAll(level.Select(CloseAsync));
        }
        await _announcement;
    }

    // One resource failing to stop must not keep the others from stopping gracefully.
    private async Task CloseAsync(ResourceSupervisor supervisor)
    {
        try
        {
            await supervisor.CloseAsync();
        }
        catch (Exception ex)
        {
            HostingLog.ResourceStopFailed(_logger, supervisor.Instance.Name, ex);
        }
    }

    public async Task<(bool Accepted, string Message)> ExecuteCommandAsync(string instanceName, string command)
    {
        var supervisor = _supervisors.FirstOrDefault(s => string.Equals(s.Instance.Name, instanceName, StringComparison.OrdinalIgnoreCase));
        return supervisor switch
        {
            null => (false, $"The app has no resource instance named '{instanceName}'."),
            // It would stop the page that asked, with nothing left to start it again.
            { Instance.Resource.IsDashboard: true } => (false, "The dashboard cannot stop or restart itself."),
            _ => await supervisor.ExecuteAsync(command),
        };
    }

    public void Dispose()
    {
        _healthClient.Dispose();
        _stopping.Dispose();
    }

    // How far a resource sits from resources that need nothing: 0 for those, 1 for what needs them ...
    // The dashboard sits below everything, so that it sees the others stop.
    internal static int Depth(Resource resource) =>
        resource.IsDashboard ? -1 : resource.References.Concat(resource.WaitsFor).Select(Depth).DefaultIfEmpty(-1).Max() + 1;

    private async Task AnnounceWhenUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var resource in instances.Select(i => i.Resource).Distinct())
            {
                await notifications.WaitForResourceHealthyAsync(resource.Name, cancellationToken);
            }
            HostingLog.AllResourcesUp(_logger, string.Join(", ", instances.Select(i => i.Endpoints.Count == 0 ? i.Name : $"{i.Name} ({i.DescribeEndpoints()})")));
            if (instances.FirstOrDefault(i => i.Resource.IsDashboard) is { } dashboardInstance)
            {
                if (configuration.GetValue<bool>("ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"))
                {
                    HostingLog.DashboardUnsecured(_logger, dashboardInstance.Endpoints.Single(e => e.Name == "http").Url);
                }
                else
                {
                    HostingLog.DashboardLogin(_logger, DashboardSettings.LoginUrl(dashboardInstance, dashboard));
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            // Stopped first, or a resource failed: its supervisor has said why.
        }
    }
}
