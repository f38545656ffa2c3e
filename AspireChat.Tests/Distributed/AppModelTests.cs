using AspireChat.Hosting;
using AspireChat.Hosting.Orchestration;
using AspireChat.Tests.Infrastructure;

namespace AspireChat.Tests.Distributed;

// App models written in the test, for what the chat app's own model does not use.
public sealed class AppModelTests
{
    // Resource output stays out of the test log.
    private static readonly string[] s_quiet = ["--AppHost:EchoResourceLogs=false"];

    [Fact]
    public async Task Replicas_EachGetTheirOwnPort_AndInstanceId_AndReferencesListThemAll()
    {
        var builder = DistributedApplication.CreateBuilder(s_quiet);
        var chat = builder.AddProject<Projects.AspireChat_ChatService>("chat")
            .WithHttpEndpoint(name: "grpc")
            .WithHttpEndpoint(name: "http")
            .WithHttpHealthCheck("/health")
            .WithReplicas(2);
        builder.AddProject<Projects.AspireChat_BotClient>("carol")
            .WithReference(chat)
            .WaitFor(chat)
            .WithEnvironment("Bot__Name", "carol")
            .WithEnvironment("Bot__Script__0__Say", "hello from carol");
        await using var app = builder.Build();

        await app.StartAsync().StartupTimeout();
        var replicas = await app.ResourceNotifications.WaitForResourceHealthyAsync("chat").StartupTimeout();
        var carol = (await app.ResourceNotifications.WaitForResourceHealthyAsync("carol").StartupTimeout()).Single();

        Assert.Equal(["chat-0", "chat-1"], replicas.Select(r => r.InstanceName).Order());
        Assert.Equal(2, replicas.Select(r => r.InstanceId).Distinct().Count());
        var grpcUrls = replicas.OrderBy(r => r.InstanceName).Select(r => r.Endpoints.Single(e => e.Name == "grpc").Url.GetLeftPart(UriPartial.Authority)).ToList();
        Assert.Equal(2, grpcUrls.Distinct().Count());
        foreach (var url in grpcUrls)
        {
            await using var client = new ChatTestClient(Grpc.Net.Client.GrpcChannel.ForAddress(url));
            Assert.Equal(Protocol.MessageResponse.Types.Code.Added, (await client.AddUserAsync(UniqueName.For("replica-user"))).Code);
        }
        var environment = ProcessState.EnvironmentOf(carol.ProcessId!.Value);
        Assert.Equal(grpcUrls, [environment["services__chat__grpc__0"], environment["services__chat__grpc__1"]]);
        foreach (var replica in replicas)
        {
            Assert.Equal($"service.instance.id={replica.InstanceId}", ProcessState.EnvironmentOf(replica.ProcessId!.Value)["OTEL_RESOURCE_ATTRIBUTES"]);
        }
    }

    [Fact]
    public async Task OtlpEndpointFromConfiguration_IsGivenToEveryResource_AsAspireDoes()
    {
        var builder = DistributedApplication.CreateBuilder([.. s_quiet, "--environment=Development", "--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:4317", "--AppHost:OtlpApiKey=secret-key"]);
        builder.AddProject<Projects.AspireChat_BotClient>("erin").WithEnvironment("Bot__Name", "erin").WithEnvironment("Bot__Script__0__Say", "hello");
        await using var app = builder.Build();

        await app.StartAsync().DefaultTimeout();
        var erin = (await app.ResourceNotifications.WaitForResourceAsync("erin", s => s.ProcessId is not null).DefaultTimeout()).Single();

        var environment = ProcessState.EnvironmentOf(erin.ProcessId!.Value);
        Assert.Equal("http://localhost:4317", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("grpc", environment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Equal("x-otlp-api-key=secret-key", environment["OTEL_EXPORTER_OTLP_HEADERS"]);
        Assert.Equal("1000", environment["OTEL_BSP_SCHEDULE_DELAY"]);
        Assert.Equal("always_on", environment["OTEL_TRACES_SAMPLER"]);
        Assert.Equal("Development", environment["DOTNET_ENVIRONMENT"]);
    }

    [Fact]
    public async Task Commands_StopStartAndRestart_AnInstance_ThenTheAppStopsCleanly()
    {
        var builder = DistributedApplication.CreateBuilder(s_quiet);
        builder.AddProject<Projects.AspireChat_ChatService>("chat").WithHttpEndpoint(name: "grpc").WithHttpEndpoint(name: "http").WithHttpHealthCheck("/health");
        var app = builder.Build();
        await app.StartAsync().DefaultTimeout();
        var first = (await app.ResourceNotifications.WaitForResourceHealthyAsync("chat").StartupTimeout()).Single();

        Assert.False((await app.ExecuteCommandAsync("chat", "start").DefaultTimeout()).Accepted);
        Assert.True((await app.ExecuteCommandAsync("chat", "stop").DefaultTimeout()).Accepted);
        Assert.Equal(ResourceState.Exited, app.ResourceNotifications.GetSnapshots("chat").Single().State);
        Assert.True((await app.ExecuteCommandAsync("chat", "restart").DefaultTimeout()).Accepted);
        var restarted = (await app.ResourceNotifications.WaitForResourceHealthyAsync("chat").StartupTimeout()).Single();
        Assert.True((await app.ExecuteCommandAsync("chat", "stop").DefaultTimeout()).Accepted);
        Assert.True((await app.ExecuteCommandAsync("chat", "start").DefaultTimeout()).Accepted);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("chat").StartupTimeout();
        var unknown = await app.ExecuteCommandAsync("chat", "explode").DefaultTimeout();

        await app.DisposeAsync().AsTask().DefaultTimeout();

        Assert.NotEqual(first.ProcessId, restarted.ProcessId);
        Assert.Equal(1, restarted.Restarts);
        Assert.Contains("use stop, start or restart", unknown.Message);
        Assert.Equal(ResourceState.Exited, app.ResourceNotifications.GetSnapshots("chat").Single().State);
        Assert.True(ProcessState.IsGone(first.ProcessId!.Value) && ProcessState.IsGone(restarted.ProcessId!.Value));
    }

    [Fact]
    public async Task MissingBuildOutput_FailsToStart_AndSoDoesWhatWaitsForIt()
    {
        var builder = DistributedApplication.CreateBuilder(s_quiet);
        var missing = builder.AddProject("missing", new MissingProject());
        builder.AddProject<Projects.AspireChat_BotClient>("dave").WaitFor(missing).WithEnvironment("Bot__Name", "dave");
        await using var app = builder.Build();

        await app.StartAsync().StartupTimeout();

        var failed = (await app.ResourceNotifications.WaitForResourceAsync("missing", ResourceState.FailedToStart).DefaultTimeout()).Single();
        Assert.Contains("was not found", failed.Message);
        var dependent = (await app.ResourceNotifications.WaitForResourceAsync("dave", ResourceState.FailedToStart).DefaultTimeout()).Single();
        Assert.Contains("missing did not become healthy", dependent.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.ResourceNotifications.WaitForResourceHealthyAsync("missing").DefaultTimeout());
    }

    [Fact]
    public async Task FixedPort_HeldByAnotherProcess_FailsToStart_WithTheReason()
    {
        using var squatter = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((System.Net.IPEndPoint)squatter.LocalEndpoint).Port;
        var builder = DistributedApplication.CreateBuilder(s_quiet);
        builder.AddProject<Projects.AspireChat_ChatService>("chat").WithHttpEndpoint(port: port, name: "grpc");
        await using var app = builder.Build();

        await app.StartAsync().DefaultTimeout();

        var failed = (await app.ResourceNotifications.WaitForResourceAsync("chat", ResourceState.FailedToStart).DefaultTimeout()).Single();
        Assert.Contains($"port {port} (endpoint 'grpc') is in use", failed.Message);
    }

    [Fact]
    public void FixedPort_WithReplicas_IsRefusedAtBuild()
    {
        var builder = DistributedApplication.CreateBuilder(s_quiet);
        builder.AddProject<Projects.AspireChat_ChatService>("chat").WithHttpEndpoint(port: 50051, name: "grpc").WithReplicas(2);

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build());

        Assert.Contains("each replica needs its own port", error.Message);
    }

    [Fact]
    public void ResourcesWaitingForEachOther_AreRefusedAtBuild()
    {
        var builder = DistributedApplication.CreateBuilder(s_quiet);
        var first = builder.AddProject<Projects.AspireChat_BotClient>("first");
        var second = builder.AddProject<Projects.AspireChat_BotClient>("second").WaitFor(first);
        first.WaitFor(second);

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build());

        Assert.Contains("cycle", error.Message);
    }

    [Fact]
    public async Task UnknownResourceOrEndpoint_IsAClearError()
    {
        var builder = DistributedApplication.CreateBuilder(s_quiet);
        builder.AddProject<Projects.AspireChat_ChatService>("chat").WithHttpEndpoint(name: "grpc");
        await using var app = builder.Build();

        Assert.Contains("no resource named 'nothing'", Assert.Throws<ArgumentException>(() => app.GetEndpoint("nothing", "grpc")).Message);
        Assert.Contains("it has: grpc", Assert.Throws<ArgumentException>(() => app.GetEndpoint("chat", "http")).Message);
        Assert.Throws<ArgumentException>(() => builder.AddProject<Projects.AspireChat_BotClient>("not a name"));
    }

    private sealed class MissingProject : IProjectMetadata
    {
        public string ProjectPath => Path.Combine(Path.GetTempPath(), "Missing", "Missing.csproj");

        public string TargetPath => Path.Combine(Path.GetTempPath(), "Missing", "bin", "Missing.dll");
    }
}
