using AspireChat.Protocol.Admin;
using AspireChat.Testing;
using Grpc.Core;

namespace AspireChat.ChatService.FunctionalTests.Admin;

// A service of its own: refusals are logged once a minute per address, so this test must be the
// address's first.
public sealed class AdminRefusalLogTests(AdminChatServiceFactory server) : IClassFixture<AdminChatServiceFactory>
{
    [Fact]
    public async Task Refusals_AreLoggedOnceAMinutePerAddress_WithWhy_NeverTheKey()
    {
        using var chatPort = server.CreateChannel();
        using var adminPort = server.CreateAdminChannel();
        const string wrongKey = "a-wrong-key-that-must-not-be-logged";

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<RpcException>(() => AdminChatServiceFactory.AdminClientOn(chatPort).ListOnlineAsync(new ListOnlineRequest()).ResponseAsync.DefaultTimeout());
            await Assert.ThrowsAsync<RpcException>(() => AdminChatServiceFactory.AdminClientOn(adminPort, wrongKey).ListOnlineAsync(new ListOnlineRequest()).ResponseAsync.DefaultTimeout());
        }

        var logs = server.Logs.GetSnapshot();
        var line = Assert.Single(logs, r => r.Id.Name == "AdminCallRefused");
        Assert.Contains("127.0.0.1", line.Message);
        Assert.Contains("called on the chat port", line.Message);
        Assert.DoesNotContain(logs, r => r.Message.Contains(wrongKey) || r.Message.Contains(AdminChatServiceFactory.Key));
    }
}
