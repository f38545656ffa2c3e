using AspireChat.Client.Connection;
using AspireChat.Testing;

namespace AspireChat.ChatService.FunctionalTests.Clients;

public sealed class ChatEndpointResolverTests(ChatServiceFactory server) : IClassFixture<ChatServiceFactory>
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

    // Aspire keys endpoints by scheme, and may list the HTTP/1.1 health
    // endpoint first; the client must still dial the one that speaks gRPC, in either order.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ServiceDiscovery_ByScheme_WithTheHealthEndpointToo_FindsTheGrpcEndpoint(bool healthFirst)
    {
        var (first, second) = healthFirst ? (server.HttpAddress, server.GrpcAddress) : (server.GrpcAddress, server.HttpAddress);

        var resolved = await ResolveAsync(new()
        {
            ["services:chat:http:0"] = first.ToString(),
            ["services:chat:http:1"] = second.ToString(),
        });

        Assert.Equal(server.GrpcAddress, resolved);
    }

    [Fact]
    public async Task ServiceDiscovery_TheEndpointNamedGrpc_WinsOverSchemeKeyedOnes()
    {
        var resolved = await ResolveAsync(new()
        {
            ["services:chat:http:0"] = server.HttpAddress.ToString(),
            ["services:chat:grpc:0"] = "http://localhost:6001",
        });

        Assert.Equal(new Uri("http://localhost:6001"), resolved);
    }

    [Fact]
    public async Task NewerAspireVariable_ChatGrpc_IsUsed_BeforeSchemeKeyedOnes()
    {
        var resolved = await ResolveAsync(new()
        {
            ["services:chat:http:0"] = server.HttpAddress.ToString(),
            ["CHAT_GRPC"] = "http://localhost:6003",
        });

        Assert.Equal(new Uri("http://localhost:6003"), resolved);
    }

    private static async Task<Uri> ResolveAsync(Dictionary<string, string?> settings)
    {
        using var host = ChatClientHost.Build(settings);
        return await host.Services.GetRequiredService<ChatEndpointResolver>().ResolveAsync(CancellationToken.None).DefaultTimeout();
    }
}
