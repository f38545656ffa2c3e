using AspireChat.Testing;
using Grpc.Core;
using static Workshop.Protocol.MessageResponse.Types;

namespace AspireChat.ChatService.FunctionalTests;

// Clients generated from the workshop's own proto, unchanged, identified by their connection.
public sealed class WorkshopCompatibilityTests(ChatServiceFactory server) : IClassFixture<ChatServiceFactory>
{
    [Fact]
    public async Task WorkshopClients_RegisterListenAndBroadcast_WithUsernamesOnEveryMessage()
    {
        await using var alice = new WorkshopTestClient(server.CreateChannel());
        await using var bob = new WorkshopTestClient(server.CreateChannel());
        var aliceName = UniqueName.For("alice");
        var bobName = UniqueName.For("bob");

        var added = await alice.AddUserAsync(aliceName);
        await bob.AddUserAsync(bobName);
        await alice.ListenAsync();
        await bob.ListenAsync();
        await alice.SendAsync("hi, this is alice");
        await bob.SendAsync("hi, it's bob");

        Assert.Equal(Code.Added, added.Code);
        Assert.Equal($"User {aliceName} created.", added.Msg);
        foreach (var client in new[] { alice, bob })
        {
            var first = await client.NextAsync();
            var second = await client.NextAsync();
            Assert.Equal($"{aliceName}: hi, this is alice", $"{first.User.Username}: {first.Msg}");
            Assert.Equal($"{bobName}: hi, it's bob", $"{second.User.Username}: {second.Msg}");
        }
    }

    [Fact]
    public async Task WorkshopClient_NameTaken_GetsTaken()
    {
        var name = UniqueName.For("alice");
        await using var first = new WorkshopTestClient(server.CreateChannel());
        await using var second = new WorkshopTestClient(server.CreateChannel());
        await first.AddUserAsync(name);

        var response = await second.AddUserAsync(name);

        Assert.Equal(Code.Taken, response.Code);
    }

    [Fact]
    public async Task WorkshopClients_DirectMessage_StaysPrivate()
    {
        await using var alice = new WorkshopTestClient(server.CreateChannel());
        await using var bob = new WorkshopTestClient(server.CreateChannel());
        await using var carol = new WorkshopTestClient(server.CreateChannel());
        var bobName = UniqueName.For("bob");
        await alice.AddUserAsync(UniqueName.For("alice"));
        await bob.AddUserAsync(bobName);
        await carol.AddUserAsync(UniqueName.For("carol"));
        await alice.ListenAsync();
        await bob.ListenAsync();
        await carol.ListenAsync();

        await alice.SendAsync($"@{bobName} just between us");
        await alice.SendAsync("marker");

        Assert.Equal($"@{bobName} just between us", (await bob.NextAsync()).Msg);
        Assert.Empty(await carol.ReadUntilAsync("marker"));
        Assert.Empty(await alice.ReadUntilAsync("marker"));
    }

    [Fact]
    public async Task WorkshopClient_CannotPostAsAnotherWorkshopClient()
    {
        await using var alice = new WorkshopTestClient(server.CreateChannel());
        await using var mallory = new WorkshopTestClient(server.CreateChannel());
        var aliceName = UniqueName.For("alice");
        await alice.AddUserAsync(aliceName);
        await mallory.AddUserAsync(UniqueName.For("mallory"));

        var error = await Assert.ThrowsAsync<RpcException>(() => mallory.SendAsync("I am alice", asUser: aliceName));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task WorkshopClient_WithoutAddUser_CannotPost()
    {
        await using var stranger = new WorkshopTestClient(server.CreateChannel());

        var error = await Assert.ThrowsAsync<RpcException>(() => stranger.SendAsync("hello", asUser: "stranger"));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }
}
