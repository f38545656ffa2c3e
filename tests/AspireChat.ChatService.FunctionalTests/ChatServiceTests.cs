using AspireChat.Testing;
using Grpc.Core;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ChatService.FunctionalTests;

// The chat rules (docs/chat-rules.md), checked over real gRPC against the real service: broadcasts,
// who may send, and who is online.
public sealed class ChatServiceTests(ChatServiceFactory server) : IClassFixture<ChatServiceFactory>
{
    [Fact]
    public async Task TwoUsers_SeeEachOthersMessages_WithUsernames()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        await using var aliceListens = await alice.ListenAsync();
        await using var bobListens = await bob.ListenAsync();

        var sent = await alice.SendAsync("hi, this is alice");
        await bob.SendAsync("hi, it's bob");

        Assert.Equal(Code.Sent, sent.Code);
        foreach (var listener in new[] { aliceListens, bobListens })
        {
            var messages = await listener.NextAsync(2);
            Assert.Equal([$"{alice.Username}: hi, this is alice", $"{bob.Username}: hi, it's bob"], messages.Select(m => $"{m.User.Username}: {m.Msg}"));
            Assert.True(messages[0].Sequence < messages[1].Sequence);
            Assert.Equal(sent.Sequence, messages[0].Sequence);
            Assert.NotNull(messages[0].Timestamp);
            Assert.Null(messages[0].Recipient);
        }
    }

    [Fact]
    public async Task SendMessage_AsAnotherUser_IsPermissionDenied()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var mallory = await ChatTestClient.RegisterAsync(server, UniqueName.For("mallory"));

        var error = await Assert.ThrowsAsync<RpcException>(() => mallory.SendAsync("I am alice", asUser: alice.Username));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task SendMessage_BeforeAddUser_IsFailedPrecondition()
    {
        await using var stranger = new ChatTestClient(server.CreateChannel());

        var error = await Assert.ThrowsAsync<RpcException>(() => stranger.SendAsync("hello?", asUser: "stranger"));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("AddUser", error.Status.Detail);
    }

    [Fact]
    public async Task Calls_WithAnUnknownSessionToken_AreUnauthenticated()
    {
        await using var client = new ChatTestClient(server.CreateChannel()) { SessionToken = "0123456789abcdef0123456789abcdef" };

        var error = await Assert.ThrowsAsync<RpcException>(() => client.SendAsync("hello?", asUser: "someone"));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ring\u0007ring")]
    public async Task SendMessage_InvalidText_ReturnsInvalidMessage(string text)
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));

        var response = await alice.SendAsync(text);

        Assert.Equal(Code.InvalidMessage, response.Code);
    }

    [Fact]
    public async Task SendMessage_LongerThan4096Characters_ReturnsInvalidMessage()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));

        var longest = await alice.SendAsync(new string('x', 4096));
        var tooLong = await alice.SendAsync(new string('x', 4097));

        Assert.Equal(Code.Sent, longest.Code);
        Assert.Equal(Code.InvalidMessage, tooLong.Code);
        Assert.Contains("4096", tooLong.Msg);
    }

    [Fact]
    public async Task ListUsers_ListsTheUsersOnline_WithTheirStreams()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var listens = await alice.ListenAsync();

        var users = await alice.ListUsersAsync();

        var entry = Assert.Single(users.Users, u => u.Username == alice.Username);
        Assert.Equal(1u, entry.Listeners);
    }
}
