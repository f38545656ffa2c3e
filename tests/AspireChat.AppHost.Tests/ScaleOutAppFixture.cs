extern alias apphost;

using Aspire.Hosting.Testing;
using AspireChat.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AspireChat.AppHost.Tests;

// The AppHost's scale-out run (`-- --replicas 3`) under Aspire's orchestrator: redis-server, three
// chat replicas behind one proxied grpc endpoint, alice, bob, the web app, and Aspire's dashboard with its
// telemetry API on. Every port is a free one, as in
// ChatAppFixture, so it runs beside a developer's AppHost.
public sealed class ScaleOutAppFixture : IAsyncLifetime
{
    public const int Replicas = 3;

    // Each restart is a new connection through the proxy; if a few never leave alice's replica,
    // the proxy is not spreading connections and the test says so.
    private const int MaxBobRestarts = 8;

    private readonly Lazy<Task<(string Alice, string Bob)>> _bots;
    private readonly string _dashboardApiKey = Guid.NewGuid().ToString("N");
    private DistributedApplication? _app;

    public ScaleOutAppFixture() => _bots = new(SpreadBotsAsync);

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app did not start.");

    // The resource ids of chat's replicas (chat-xxxxxxxx), as Aspire names them.
    public IReadOnlyList<string> ChatReplicas { get; private set; } = [];

    // The one grpc endpoint that the bots and a console client use (50051 under the AppHost):
    // Aspire's proxy spreads its connections over the replicas.
    public Uri ChatEndpoint => App.GetEndpoint("chat", "grpc");

    // The chat page, unchanged by the scale-out: the web app reaches chat through the same endpoint.
    public Uri WebUrl => App.GetEndpoint("web", "http");

    // The dashboard's telemetry API: the traces a person sees on its pages, as JSON.
    public DashboardTelemetry Telemetry => new(App.GetEndpoint("aspire-dashboard", "http"), _dashboardApiKey);

    public async Task InitializeAsync()
    {
        // The app model runs Debian's redis-server as its backplane.
        DebianPackages.Require("redis-server", () => File.Exists(RedisServerProcess.ServerPath), "the scale-out run");
        var appHost = await DistributedApplicationTestingBuilder
            .CreateAsync<apphost::Projects.AspireChat_AppHost>(["--replicas", $"{Replicas}", .. DashboardTelemetry.ApiArguments(_dashboardApiKey)], (options, _) => options.DisableDashboard = false)
            .StartupTimeout();
        appHost.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        // A restarted bob's name is free again after 2 s rather than 30 (the reconnect grace
        // period), so moving him to another replica takes seconds.
        appHost.CreateResourceBuilder(appHost.Resources.OfType<ProjectResource>().Single(r => r.Name == "chat"))
            .WithEnvironment("Chat__ReconnectGracePeriod", "00:00:02");
        _app = await appHost.BuildAsync().StartupTimeout();
        await _app.StartAsync().StartupTimeout();
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("redis").StartupTimeout();
        ChatReplicas = await WaitUntilReplicasHealthyAsync(_app);
        await Task.WhenAll(new[] { "alice", "bob", "web" }.Select(resource => _app.ResourceNotifications.WaitForResourceHealthyAsync(resource))).StartupTimeout();
        await _app.ResourceNotifications.WaitForResourceAsync("aspire-dashboard", KnownResourceStates.Running).StartupTimeout();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    // A replica's own grpc address, past the proxy: a client there is on that replica for sure.
    public Uri GrpcEndpointOf(string replica) => new(EnvironmentOf(replica, "Kestrel__Endpoints__grpc__Url"));

    // A variable of a replica's environment as Aspire launched it.
    public string EnvironmentOf(string replica, string name) =>
        App.ResourceNotifications.TryGetCurrentState(replica, out var state)
        && state.Snapshot.EnvironmentVariables.FirstOrDefault(variable => variable.Name == name)?.Value is { } value
            ? value
            : throw new InvalidOperationException($"{replica} has no {name}.");

    // alice's and bob's replicas, once they are on two different ones (bob is restarted until he is).
    public Task<(string Alice, string Bob)> BotsOnDifferentReplicasAsync() => _bots.Value;

    // The replica that served the name's next AddUser: the first whose count of "User <name>
    // added" lines has grown past the count it had before.
    public async Task<string> WaitForRegistrationAsync(string username, IReadOnlyDictionary<string, int>? before = null)
    {
        string? served = null;
        await TimeoutExtensions.WaitUntilAsync(
            async () =>
            {
                var now = await RegistrationsAsync(username);
                served = now.FirstOrDefault(replica => replica.Value > (before?.GetValueOrDefault(replica.Key) ?? 0)).Key;
                return served is not null;
            },
            $"a chat replica logs 'User {username} added'",
            TimeoutExtensions.StartupTimeoutSpan,
            TimeSpan.FromMilliseconds(250));
        return served!;
    }

    // How many AddUsers for the name each replica has served, from its console logs.
    public async Task<IReadOnlyDictionary<string, int>> RegistrationsAsync(string username)
    {
        var added = $"User {username} added";
        var counts = new Dictionary<string, int>();
        foreach (var replica in ChatReplicas)
        {
            counts[replica] = (await ConsoleLogsAsync(replica)).Count(line => line.Contains(added, StringComparison.Ordinal));
        }
        return counts;
    }

    // The console output so far of a resource (all its replicas) or of one replica, as the
    // dashboard shows it.
    public async Task<IReadOnlyList<string>> ConsoleLogsAsync(string resourceOrReplica)
    {
        var logs = App.Services.GetRequiredService<ResourceLoggerService>();
        var resource = App.Services.GetRequiredService<DistributedApplicationModel>().Resources.FirstOrDefault(r => r.Name == resourceOrReplica);
        var lines = new List<string>();
        await foreach (var batch in resource is null ? logs.GetAllAsync(resourceOrReplica) : logs.GetAllAsync(resource))
        {
            lines.AddRange(batch.Select(line => line.Content));
        }
        return lines;
    }

    public IResource Resource(string name) =>
        App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == name);

    // The one replica that served the bot's AddUsers; a bot registered on several (after a
    // reconnect) is restarted, so that its next one tells.
    private async Task<string> ReplicaOfAsync(string bot)
    {
        var served = await WaitForRegistrationAsync(bot);
        var registrations = await RegistrationsAsync(bot);
        if (registrations.Count(replica => replica.Value > 0) == 1)
        {
            return served;
        }
        await RestartAsync(bot);
        return await WaitForRegistrationAsync(bot, registrations);
    }

    // Aspire's own restart command: a bot stops within a second or two of its SIGTERM.
    private async Task RestartAsync(string bot)
    {
        var restart = await App.ResourceCommands.ExecuteCommandAsync(Resource(bot), KnownResourceCommands.RestartCommand).StartupTimeout();
        if (!restart.Success)
        {
            throw new InvalidOperationException($"Restarting {bot} failed: {restart.Message}");
        }
    }

    // WaitForResourceHealthyAsync("chat") returns at the first healthy replica; this waits for all.
    private static async Task<IReadOnlyList<string>> WaitUntilReplicasHealthyAsync(DistributedApplication app)
    {
        var healthy = new HashSet<string>();
        await app.ResourceNotifications.WaitForResourceAsync("chat", resourceEvent =>
        {
            if (resourceEvent.Snapshot.HealthStatus == HealthStatus.Healthy)
            {
                healthy.Add(resourceEvent.ResourceId);
            }
            else
            {
                healthy.Remove(resourceEvent.ResourceId);
            }
            return healthy.Count == Replicas;
        }).StartupTimeout();
        return [.. healthy.Order(StringComparer.Ordinal)];
    }

    private async Task<(string Alice, string Bob)> SpreadBotsAsync()
    {
        var alice = await ReplicaOfAsync("alice");
        var bob = await ReplicaOfAsync("bob");
        for (var restart = 1; bob == alice && restart <= MaxBobRestarts; restart++)
        {
            var before = await RegistrationsAsync("bob");
            await RestartAsync("bob");
            bob = await WaitForRegistrationAsync("bob", before);
        }
        return bob != alice
            ? (alice, bob)
            : throw new InvalidOperationException($"bob stayed on alice's replica {alice} over {MaxBobRestarts} restarts: the proxy did not spread connections.");
    }
}
