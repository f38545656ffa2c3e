using System.Net;
using System.Net.Sockets;
using AspireChat.AppHost.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AspireChat.AppHost;

// What would keep the app from starting, said before it starts: Aspire's orchestrator would
// otherwise wait without a word for a fixed port (chat's 50051, the dashboard's three) that
// another process holds, or show a redis-server that never starts.
internal static class StartChecks
{
    private static readonly string[] s_dashboardSettings = ["ASPNETCORE_URLS", "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"];

    // One line for each reason; none when the app can start.
    public static IReadOnlyList<string> WhyItCannotStart(this DistributedApplication app)
    {
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        return [.. MissingRedisServers(model), .. FixedPortsInUse(model, configuration)];
    }

    private static IEnumerable<string> MissingRedisServers(DistributedApplicationModel model) =>
        model.Resources.OfType<RedisServerResource>().Where(redis => !redis.IsInstalled).Select(_ => RedisServerInstaller.Missing).Distinct();

    private static IEnumerable<string> FixedPortsInUse(DistributedApplicationModel model, IConfiguration configuration)
    {
        var endpoints = model.Resources
            .SelectMany(resource => resource.Annotations.OfType<EndpointAnnotation>()
                .Where(endpoint => endpoint.Port is not null)
                .Select(endpoint => (Port: endpoint.Port!.Value, Owner: $"{resource.Name}'s {endpoint.Name} endpoint")));
        var dashboard = s_dashboardSettings
            .SelectMany(setting => (configuration[setting] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(url => (Url: url, Setting: setting)))
            .Select(entry => (Port: Uri.TryCreate(entry.Url, UriKind.Absolute, out var uri) ? uri.Port : 0, Owner: $"the dashboard ({entry.Setting})"))
            .Where(entry => entry.Port > 0);
        return endpoints.Concat(dashboard).DistinctBy(fixedPort => fixedPort.Port)
            .Where(fixedPort => !IsFree(fixedPort.Port))
            .Select(fixedPort => $"Port {fixedPort.Port}, for {fixedPort.Owner}, is in use by another process (another AppHost?): stop it, then start again.");
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
