using AspireChat.Hosting;
using AspireChat.Hosting.Testing;

namespace AspireChat.Tests.Infrastructure;

// The AppHost's own app model (chat, alice, bob) on free ports, started once for a test class
// and stopped at its end.
public sealed class ChatAppFixture : IAsyncLifetime
{
    public static readonly string[] Resources = ["chat", "alice", "bob"];

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app did not start.");

    public Uri ChatEndpoint => App.GetEndpoint("chat", "grpc");

    public async Task InitializeAsync()
    {
        _app = await BuildAsync();
        await _app.StartAsync().StartupTimeout();
        await WaitUntilHealthyAsync(_app);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    public static async Task<DistributedApplication> BuildAsync(params string[] args)
    {
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AspireChat_AppHost>(args).StartupTimeout();
        return await appHost.BuildAsync();
    }

    public static Task WaitUntilHealthyAsync(DistributedApplication app, params string[] resources) =>
        Task.WhenAll(Resources.Concat(resources).Select(r => app.ResourceNotifications.WaitForResourceHealthyAsync(r))).StartupTimeout();
}
