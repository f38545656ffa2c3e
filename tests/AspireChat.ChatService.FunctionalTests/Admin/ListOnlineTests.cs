using AspireChat.Protocol.Admin;
using AspireChat.Testing;
using Google.Protobuf.WellKnownTypes;

namespace AspireChat.ChatService.FunctionalTests.Admin;

public sealed class ListOnlineTests(AdminChatServiceFactory server) : IClassFixture<AdminChatServiceFactory>
{
    [Fact]
    public async Task ListOnline_ShowsEachUsersStreamsByReplica_AndWhoIsMuted()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        await using var carol = await ChatTestClient.RegisterAsync(server, UniqueName.For("carol"));
        await using var first = await alice.ListenAsync();
        await using var second = await alice.ListenAsync();
        var mutedUntil = Timestamp.FromDateTimeOffset(server.Clock.GetUtcNow() + TimeSpan.FromMinutes(10));
        await server.Admin.MuteAsync(new MuteRequest { Username = carol.Username, Reason = "flooding" }).ResponseAsync.DefaultTimeout();

        var users = (await server.Admin.ListOnlineAsync(new ListOnlineRequest()).ResponseAsync.DefaultTimeout()).Users;

        var listed = users.Where(u => u.Username == alice.Username || u.Username == bob.Username || u.Username == carol.Username).ToList();
        Assert.Equal([alice.Username, bob.Username, carol.Username], listed.Select(u => u.Username));
        Assert.Equal(2u, listed[0].Listeners);
        var replica = Assert.Single(listed[0].Replicas);
        Assert.Equal((AdminChatServiceFactory.ReplicaName, 2u), (replica.Replica, replica.Listeners));
        Assert.Null(listed[0].MutedUntil);
        Assert.Equal(0u, listed[1].Listeners);
        Assert.Empty(listed[1].Replicas);
        Assert.Equal(mutedUntil, listed[2].MutedUntil);
        Assert.All(listed, u => Assert.NotNull(u.OnlineSince));
    }

    [Fact]
    public async Task ListOnline_IsInNameOrder_AndTraced()
    {
        await using var zed = await ChatTestClient.RegisterAsync(server, UniqueName.For("Zed"));
        await using var amy = await ChatTestClient.RegisterAsync(server, UniqueName.For("amy"));

        var users = (await server.Admin.ListOnlineAsync(new ListOnlineRequest()).ResponseAsync.DefaultTimeout()).Users;

        var names = users.Select(u => u.Username).ToList();
        Assert.Equal(names.OrderBy(n => n.ToLowerInvariant(), StringComparer.Ordinal), names);
        await TimeoutExtensions.WaitUntilAsync(() => Task.FromResult(server.OwnSpans.Any(s => s.OperationName == "chat.admin.list")), "the list is traced");
        Assert.Contains(server.Logs.GetSnapshot(), r => r.Id.Name == "OperatorListed");
    }
}
