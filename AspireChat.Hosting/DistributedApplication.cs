using System.Runtime.InteropServices;
using AspireChat.Hosting.Logging;
using AspireChat.Hosting.Orchestration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AspireChat.Hosting;

// A built app model: start it, watch its resources, reach their endpoints, stop it.
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly IReadOnlyList<ResourceInstance> _instances;
    private bool _running;

    internal DistributedApplication(IHost host, IReadOnlyList<ResourceInstance> instances, Uri? dashboardLoginUrl)
    {
        _host = host;
        _instances = instances;
        DashboardLoginUrl = dashboardLoginUrl;
        // Kept outside the container so that what happened can be read after disposal.
        ResourceNotifications = host.Services.GetRequiredService<ResourceNotificationService>();
        ResourceLogs = host.Services.GetRequiredService<ResourceLogService>();
    }

    public static DistributedApplicationBuilder CreateBuilder(string[]? args = null) => new(args ?? []);

    public IServiceProvider Services => _host.Services;

    public ResourceNotificationService ResourceNotifications { get; }

    public ResourceLogService ResourceLogs { get; }

    // <dashboard>/login?t=<token>, or null when the app runs without the dashboard.
    public Uri? DashboardLoginUrl { get; }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _running = true;
        await _host.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        _running = false;
        await _host.StopAsync(cancellationToken);
    }

    // Runs until Ctrl+C or SIGTERM, then stops every resource and disposes the app.
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        // A closed terminal (SIGHUP) stops the app as Ctrl+C does, rather than killing it outright.
        using var hangup = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            _host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        });
        try
        {
            await StartAsync(cancellationToken);
            await _host.WaitForShutdownAsync(cancellationToken);
            _running = false;
        }
        finally
        {
            await DisposeAsync();
        }
    }

    public void Run() => RunAsync().GetAwaiter().GetResult();

    // The URL of a resource's endpoint (of its first replica).
    public Uri GetEndpoint(string resourceName, string endpointName)
    {
        var instance = _instances.FirstOrDefault(i => string.Equals(i.Resource.Name, resourceName, StringComparison.OrdinalIgnoreCase) || string.Equals(i.Name, resourceName, StringComparison.OrdinalIgnoreCase))
            ?? throw ResourceNotificationService.UnknownResource(resourceName);
        var endpoint = instance.Endpoints.FirstOrDefault(e => string.Equals(e.Name, endpointName, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Resource '{resourceName}' has no endpoint named '{endpointName}'; it has: {string.Join(", ", instance.Endpoints.Select(e => e.Name))}.", nameof(endpointName));
        return endpoint.Url;
    }

    // What the dashboard's Restart, Stop and Start buttons do: "restart", "stop" or "start" an instance.
    public Task<(bool Accepted, string Message)> ExecuteCommandAsync(string instanceName, string command) =>
        _host.Services.GetRequiredService<ApplicationOrchestrator>().ExecuteCommandAsync(instanceName, command);

    public HttpClient CreateHttpClient(string resourceName, string endpointName = "http") => new() { BaseAddress = GetEndpoint(resourceName, endpointName) };

    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            await StopAsync();
        }
        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
