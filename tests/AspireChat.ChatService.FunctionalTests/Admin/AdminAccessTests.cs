using AspireChat.Protocol.Admin;
using AspireChat.Testing;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace AspireChat.ChatService.FunctionalTests.Admin;

// Who may call the operator's service: only a caller on the admin endpoint with the key.
public sealed class AdminAccessTests(AdminChatServiceFactory server) : IClassFixture<AdminChatServiceFactory>
{
    [Fact]
    public async Task ListOnline_WithTheKeyOnTheAdminEndpoint_IsAnswered()
    {
        using var channel = server.CreateAdminChannel();

        var response = await AdminChatServiceFactory.AdminClientOn(channel).ListOnlineAsync(new ListOnlineRequest()).ResponseAsync.DefaultTimeout();

        Assert.NotNull(response);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("admin-key-of-the-tests-012345678")]
    [InlineData("admin-key-of-the-tests-0123456789 ")]
    [InlineData("ADMIN-KEY-OF-THE-TESTS-0123456789")]
    public async Task EveryOperation_WithoutTheRightKey_IsUnauthenticated(string? key)
    {
        using var channel = server.CreateAdminChannel();
        var admin = AdminChatServiceFactory.AdminClientOn(channel, key);

        foreach (var call in Operations(admin))
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => call().DefaultTimeout());

            Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
            Assert.Equal("A valid admin key (chat-admin-key) is required.", refused.Status.Detail);
        }
    }

    [Fact]
    public async Task TheKeyTwice_IsUnauthenticated()
    {
        using var channel = server.CreateAdminChannel();
        var admin = new ChatAdmin.ChatAdminClient(channel);
        var headers = new Metadata
        {
            { Conventions.ChatMetadata.AdminKeyHeader, "a-guess-at-the-key-0123456789" },
            { Conventions.ChatMetadata.AdminKeyHeader, AdminChatServiceFactory.Key },
        };

        var refused = await Assert.ThrowsAsync<RpcException>(() => admin.ListOnlineAsync(new ListOnlineRequest(), headers).ResponseAsync.DefaultTimeout());

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task EveryOperation_OnTheChatPortWithTheRightKey_IsPermissionDenied()
    {
        using var channel = server.CreateChannel();
        var admin = AdminChatServiceFactory.AdminClientOn(channel);

        foreach (var call in Operations(admin))
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => call().DefaultTimeout());

            Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
            Assert.Equal("The admin API is not served on the chat port.", refused.Status.Detail);
        }
    }

    [Fact]
    public async Task ChatService_OnTheAdminPort_IsPermissionDenied()
    {
        await using var client = new ChatTestClient(server.CreateAdminChannel());

        var addUser = await Assert.ThrowsAsync<RpcException>(() => client.AddUserAsync(UniqueName.For("alice")));
        using var call = client.OpenListen();
        var listen = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).DefaultTimeout());

        Assert.Equal(StatusCode.PermissionDenied, addUser.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, listen.StatusCode);
    }

    [Fact]
    public void AdminEndpoint_IsBoundBesideTheChatAndHealthEndpoints()
    {
        var addresses = server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;

        Assert.Equal(3, addresses.Count);
        Assert.Contains(addresses, a => new Uri(a).Port == server.AdminAddress.Port);
    }

    private static IEnumerable<Func<Task>> Operations(ChatAdmin.ChatAdminClient admin) =>
    [
        () => admin.AnnounceAsync(new AnnounceRequest { Text = "hello" }).ResponseAsync,
        () => admin.ListOnlineAsync(new ListOnlineRequest()).ResponseAsync,
        () => admin.DisconnectAsync(new DisconnectRequest { Username = "alice", Reason = "spam" }).ResponseAsync,
        () => admin.MuteAsync(new MuteRequest { Username = "alice", Reason = "spam" }).ResponseAsync,
        () => admin.UnmuteAsync(new UnmuteRequest { Username = "alice" }).ResponseAsync,
    ];
}
