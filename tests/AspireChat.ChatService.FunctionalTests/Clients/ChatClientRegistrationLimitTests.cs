using AspireChat.Client;
using AspireChat.Client.Messaging;
using AspireChat.Testing;

namespace AspireChat.ChatService.FunctionalTests.Clients;

// The client library against a service with few registrations per connection.
public sealed class ChatClientRegistrationLimitTests(FloodLimitsChatServiceFactory server) : IClassFixture<FloodLimitsChatServiceFactory>
{
    [Fact]
    public async Task Register_PastTheConnectionsLimit_IsReportedAsRateLimited_NotAsAnInvalidName()
    {
        using var host = ChatClientHost.Build(server.GrpcAddress);
        var client = host.Services.GetRequiredService<ChatClient>();
        for (var i = 0; i < FloodLimitsChatServiceFactory.RegistrationBurstPerConnection; i++)
        {
            Assert.Equal(RegistrationOutcome.Added, (await client.RegisterAsync(UniqueName.For("many")).DefaultTimeout()).Outcome);
        }

        var result = await client.RegisterAsync(UniqueName.For("many")).DefaultTimeout();

        Assert.Equal(RegistrationOutcome.RateLimited, result.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
    }
}
