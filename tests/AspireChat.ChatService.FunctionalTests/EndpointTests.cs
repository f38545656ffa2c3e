using AspireChat.Testing;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace AspireChat.ChatService.FunctionalTests;

public sealed class EndpointTests(ChatServiceFactory server) : IClassFixture<ChatServiceFactory>
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task HealthEndpoints_AnswerHealthy_OverHttp1(string path)
    {
        using var http = new HttpClient { BaseAddress = server.HttpAddress, DefaultRequestVersion = new Version(1, 1) };

        using var response = await http.GetAsync(path).DefaultTimeout();

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(new Version(1, 1), response.Version);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync().DefaultTimeout());
    }

    [Fact]
    public async Task GrpcHealthService_ReportsServing()
    {
        using var channel = server.CreateChannel();

        var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest()).ResponseAsync.DefaultTimeout();

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Reflection_ListsTheChatService()
    {
        using var channel = server.CreateChannel();
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" }).DefaultTimeout();
        await call.RequestStream.CompleteAsync().DefaultTimeout();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).DefaultTimeout());

        Assert.Contains(call.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == "chat.Chat");
    }
}
