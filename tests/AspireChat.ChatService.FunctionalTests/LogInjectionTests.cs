using AspireChat.Testing;
using Grpc.Core;
using Workshop.Protocol;

namespace AspireChat.ChatService.FunctionalTests;

// Whatever a client sends, a log line stays one line and cannot drive the operator's terminal.
public sealed class LogInjectionTests(ChatServiceFactory server) : IClassFixture<ChatServiceFactory>
{
    private const string Forged = "mallory\ninfo: AspireChat.ChatService.Room.ChatRoom[1]\n      User admin added\u001b[2J\u202e";

    [Fact]
    public async Task SendMessage_AsAForgedName_IsLoggedEscaped()
    {
        await using var alice = new WorkshopTestClient(server.CreateChannel());
        Assert.Equal(MessageResponse.Types.Code.Added, (await alice.AddUserAsync(UniqueName.For("alice"))).Code);

        var error = await Assert.ThrowsAsync<RpcException>(() => alice.SendAsync("hi", asUser: Forged));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        var logged = server.Logs.GetSnapshot().Select(l => l.Message).Where(m => m.Contains("mallory", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(logged);
        Assert.All(logged, m => Assert.DoesNotContain(m, c => char.IsControl(c) || c == '\u202e'));
        Assert.Contains(logged, m => m.Contains("mallory\\ninfo:", StringComparison.Ordinal) && m.Contains("\\u001b[2J\\u202e", StringComparison.Ordinal));
    }
}
