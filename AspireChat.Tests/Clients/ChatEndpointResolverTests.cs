using AspireChat.Client.Connection;
using AspireChat.Tests.Infrastructure;

namespace AspireChat.Tests.Clients;

public sealed class ChatEndpointResolverTests
{
    [Fact]
    public async Task Nothing_Configured_IsTheWorkshopPortOnLocalhost()
    {
        Assert.Equal(new Uri("http://localhost:50051"), await ResolveAsync([]));
    }

    [Fact]
    public async Task ServiceDiscovery_ByEndpointName_AsAnAppHostInjectsIt()
    {
        var resolved = await ResolveAsync(new() { ["services:chat:grpc:0"] = "http://localhost:6001" });

        Assert.Equal(new Uri("http://localhost:6001"), resolved);
    }

    [Fact]
    public async Task ServiceDiscovery_ByScheme_AsNewerAspireVersionsInjectIt()
    {
        var resolved = await ResolveAsync(new() { ["services:chat:http:0"] = "http://localhost:6002" });

        Assert.Equal(new Uri("http://localhost:6002"), resolved);
    }

    [Fact]
    public async Task ExplicitServer_WinsOverServiceDiscovery()
    {
        var resolved = await ResolveAsync(new()
        {
            ["ChatClient:Server"] = "http://chat.example:7000",
            ["services:chat:grpc:0"] = "http://localhost:6001",
        });

        Assert.Equal(new Uri("http://chat.example:7000"), resolved);
    }

    private static async Task<Uri> ResolveAsync(Dictionary<string, string?> settings)
    {
        using var host = ChatClientHost.Build(settings);
        return await host.Services.GetRequiredService<ChatEndpointResolver>().ResolveAsync(CancellationToken.None).DefaultTimeout();
    }
}
