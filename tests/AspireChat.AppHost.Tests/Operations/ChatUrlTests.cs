using Aspire.Hosting.Testing;
using AspireChat.Testing;

namespace AspireChat.AppHost.Tests.Operations;

// chat's links on the dashboard, as its resource snapshot holds them: each says what it is.
[Collection(ChatAppCollection.Name)]
public sealed class ChatUrlTests(ChatAppFixture fixture)
{
    [Fact]
    public async Task Grpc_SaysItIsForGrpcClients_Health_PointsAtHealth_Admin_IsInTheDetailsOnly()
    {
        Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState("chat", out var chat));
        var urls = chat.Snapshot.Urls;

        var grpc = Assert.Single(urls, url => url.Name == "grpc");
        var health = Assert.Single(urls, url => url.Name == "http");
        var admin = Assert.Single(urls, url => url.Name == "admin");
        using var http = new HttpClient();
        var report = await http.GetAsync(new Uri(health.Url)).DefaultTimeout();

        Assert.Equal(("gRPC (h2c) for clients, not browsers", false), (grpc.DisplayProperties.DisplayName, grpc.IsInternal));
        Assert.Equal(fixture.ChatEndpoint, new Uri(grpc.Url));
        Assert.Equal(("Health", false, "/health"), (health.DisplayProperties.DisplayName, health.IsInternal, new Uri(health.Url).AbsolutePath));
        Assert.True(report.IsSuccessStatusCode);
        Assert.Equal(("Admin API (h2c, admin key): for the commands", true), (admin.DisplayProperties.DisplayName, admin.IsInternal));
        Assert.Equal(fixture.App.GetEndpoint("chat", "admin"), new Uri(admin.Url));
    }
}
