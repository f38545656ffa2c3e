using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting;

// The fixed ports of the app (chat's 50051, the dashboard's three) must be free before it starts:
// Aspire's orchestrator would otherwise wait without a word for a port another process holds.
internal static class FixedPorts
{
    private static readonly string[] s_dashboardSettings = ["ASPNETCORE_URLS", "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"];

    // One line for each fixed port that another process holds; none when the app can start.
    public static IReadOnlyList<string> FixedPortsInUse(this DistributedApplication app)
    {
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var endpoints = model.Resources
            .SelectMany(resource => resource.Annotations.OfType<EndpointAnnotation>()
                .Where(endpoint => endpoint.Port is not null)
                .Select(endpoint => (Port: endpoint.Port!.Value, Owner: $"{resource.Name}'s {endpoint.Name} endpoint")));
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        var dashboard = s_dashboardSettings
            .SelectMany(setting => (configuration[setting] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(url => (Url: url, Setting: setting)))
            .Select(entry => (Port: Uri.TryCreate(entry.Url, UriKind.Absolute, out var uri) ? uri.Port : 0, Owner: $"the dashboard ({entry.Setting})"))
            .Where(entry => entry.Port > 0);
        return [.. endpoints.Concat(dashboard).DistinctBy(fixedPort => fixedPort.Port)
            .Where(fixedPort => !IsFree(fixedPort.Port))
            .Select(fixedPort => $"Port {fixedPort.Port}, for {fixedPort.Owner}, is in use by another process (another AppHost?): stop it, then start again.")];
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
