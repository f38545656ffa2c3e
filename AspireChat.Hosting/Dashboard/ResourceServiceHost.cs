using System.Net;
using AspireChat.Hosting.Logging;
using AspireChat.Hosting.Orchestration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AspireChat.Hosting.Dashboard;

// Serves the resource service on loopback (h2c), on the port the dashboard was told, for as long
// as the AppHost runs.
internal sealed class ResourceServiceHost(
    DashboardSettings settings,
    ResourceNotificationService notifications,
    ResourceLogService logs,
    ApplicationOrchestrator orchestrator) : IHostedService, IAsyncDisposable
{
    private WebApplication? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.IsEnabled)
        {
            return;
        }
        var builder = WebApplication.CreateSlimBuilder();
        // Its one endpoint is set here; no appsettings.json or environment may add others.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.ResourceServicePort, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(notifications);
        builder.Services.AddSingleton(logs);
        builder.Services.AddSingleton(orchestrator);
        _server = builder.Build();
        _server.MapGrpcService<ResourceGrpcService>();
        await _server.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
