using AspireChat.Hosting;
using AspireChat.Hosting.Testing;

namespace AspireChat.Tests.Infrastructure;

// The AppHost's own app model (chat, alice, bob) on free ports, started once for a test class
// and stopped at its end.
public sealed class ChatAppFixture : IAsyncLifetime
{
    public static readonly string[] Resources = ["chat", "alice", "bob"];

    public DistributedApplication App { get; private set; } = null!;

    public Uri ChatEndpoint => App.GetEndpoint("chat", "grpc");

    public async Task InitializeAsync()
    {
        App = await BuildAsync();
        await App.StartAsync().StartupTimeout();
        await WaitUntilHealthyAsync(App);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    public static async Task<DistributedApplication> BuildAsync()
    {
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AspireChat_AppHost>().StartupTimeout();
        return await appHost.BuildAsync();
    }

    public static Task WaitUntilHealthyAsync(DistributedApplication app) =>
        Task.WhenAll(Resources.Select(r => app.ResourceNotifications.WaitForResourceHealthyAsync(r))).StartupTimeout();
}
