using AspireChat.Protocol.Admin;
using AspireChat.Testing;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace AspireChat.ChatService.FunctionalTests.Admin;

// Without Chat:AdminKey the admin API is off: no endpoint, and the chat port never serves it.
public sealed class AdminOffTests(ChatServiceFactory server) : IClassFixture<ChatServiceFactory>
{
    [Fact]
    public void WithoutAKey_NoAdminEndpointIsBound()
    {
        var addresses = server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;

        Assert.Equal(2, addresses.Count);
        Assert.All(addresses, a => Assert.Contains(new Uri(a), new[] { server.GrpcAddress, server.HttpAddress }));
    }

    [Fact]
    public async Task WithoutAKey_TheChatPortRefusesTheAdminApi()
    {
        using var channel = server.CreateChannel();

        var refused = await Assert.ThrowsAsync<RpcException>(() => AdminChatServiceFactory.AdminClientOn(channel).ListOnlineAsync(new ListOnlineRequest()).ResponseAsync.DefaultTimeout());

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }
}
