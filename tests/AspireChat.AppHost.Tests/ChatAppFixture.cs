extern alias apphost;

using Aspire.Hosting.Testing;
using AspireChat.Testing;
using Microsoft.Extensions.Configuration;

namespace AspireChat.AppHost.Tests;

// The AppHost's own app model (chat, alice, bob, web and Aspire's dashboard) under Aspire's
// orchestrator, started once for every test of the ChatApp collection. Every port is a free one,
// so the tests pass while a developer's AppHost holds 50051 and 18888.
public sealed class ChatAppFixture : IAsyncLifetime
{
    public static readonly string[] Resources = ["chat", "alice", "bob", "web"];

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app did not start.");

    public Uri ChatEndpoint => App.GetEndpoint("chat", "grpc");

    // The chat page.
    public Uri WebUrl => App.GetEndpoint("web", "http");

    public Uri DashboardUrl => App.GetEndpoint("aspire-dashboard", "http");

    public string BrowserToken => Configuration["AppHost:BrowserToken"] ?? throw new InvalidOperationException("The dashboard has no browser token.");

    public Uri LoginUrl => new(DashboardUrl, $"/login?t={BrowserToken}");

    // The dashboard's telemetry API: what its pages show, as JSON.
    public DashboardTelemetry Telemetry => new(DashboardUrl, DashboardApiKey);

    private static string DashboardApiKey { get; } = Guid.NewGuid().ToString("N");

    private IConfiguration Configuration => App.Services.GetRequiredService<IConfiguration>();

    public async Task InitializeAsync()
    {
        _app = await BuildAsync(withDashboard: true);
        await _app.StartAsync().StartupTimeout();
        await WaitUntilHealthyAsync(_app);
        await _app.ResourceNotifications.WaitForResourceAsync("aspire-dashboard", KnownResourceStates.Running).StartupTimeout();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    // The dashboard, when asked for, also serves its telemetry API; its ports are free ones too.
    public static async Task<DistributedApplication> BuildAsync(bool withDashboard)
    {
        var appHost = await DistributedApplicationTestingBuilder
            .CreateAsync<apphost::Projects.AspireChat_AppHost>(DashboardTelemetry.ApiArguments(DashboardApiKey), (options, _) => options.DisableDashboard = !withDashboard)
            .StartupTimeout();
        // The resources' output stays in the app (ResourceLoggerService), out of the test log.
        appHost.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        return await appHost.BuildAsync().StartupTimeout();
    }

    public static Task WaitUntilHealthyAsync(DistributedApplication app) =>
        Task.WhenAll(Resources.Select(r => app.ResourceNotifications.WaitForResourceHealthyAsync(r))).StartupTimeout();

    // The process a resource runs in now, as Aspire reports it.
    public int ProcessIdOf(string resource) =>
        App.ResourceNotifications.TryGetCurrentState(resource, out var state)
        && state.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
            ? Convert.ToInt32(pid, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"{resource} has no process.");

    // A resource's console output so far, as the dashboard's console logs page shows it.
    public async Task<IReadOnlyList<string>> ConsoleLogsAsync(string resource)
    {
        var lines = new List<string>();
        await foreach (var batch in App.Services.GetRequiredService<ResourceLoggerService>().GetAllAsync(Resource(resource)))
        {
            lines.AddRange(batch.Select(line => line.Content));
        }
        return lines;
    }

    public IResource Resource(string name) =>
        App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == name);

    // A parameter's value in this run (a generated secret, say).
    public async Task<string> ParameterValueAsync(string name) =>
        await ((ParameterResource)Resource(name)).GetValueAsync(CancellationToken.None).DefaultTimeout()
            ?? throw new InvalidOperationException($"The parameter {name} has no value.");
}
