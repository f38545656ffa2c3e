using AspireChat.Protocol;
using AspireChat.Testing;
using Grpc.Core;

namespace AspireChat.AppHost.Tests.Operations;

// The operator's commands in the scale-out run: executed on one replica's row, as the dashboard
// does, the admin call goes through Aspire's proxy to any replica, and still reaches users on
// every replica. With a user on each of the three, at least two are on another replica than the
// one that served the call.
[Collection(ScaleOutAppCollection.Name)]
public sealed class ScaleOutOperationsTests(ScaleOutAppFixture fixture)
{
    [Fact]
    public async Task Announce_ReachesListenersOnEveryReplica()
    {
        await using var opened = new AsyncDisposableList();
        var listeners = await JoinEveryReplicaAsync(opened, "hearer");
        var text = $"Scale-out notice {Guid.NewGuid():N}";

        var announced = await fixture.App.ExecuteChatCommandAsync(fixture.ChatReplicas[0], "announce", ("text", text));

        Assert.True(announced.Success, announced.Message);
        foreach (var listener in listeners)
        {
            var notice = await listener.WaitForAsync(m => m.Msg == text, $"the announcement on {listener.Username}'s replica");
            Assert.Equal((Message.Types.Kind.Announcement, "room"), (notice.Kind, notice.User.Username));
        }
    }

    [Fact]
    public async Task ListUsers_NamesUsersOnEveryReplica_WithTheirReplica()
    {
        await using var opened = new AsyncDisposableList();
        var users = await JoinEveryReplicaAsync(opened, "listed");

        var listed = await fixture.App.ExecuteChatCommandAsync(fixture.ChatReplicas[1], "list-users");

        Assert.True(listed.Success, listed.Message);
        var rows = ChatCommands.TableRows(listed);
        foreach (var (user, replica) in users.Zip(fixture.ChatReplicas))
        {
            var row = Assert.Single(rows, row => row.StartsWith($"| {user.Username} |", StringComparison.Ordinal));
            Assert.Contains($"{replica} (1)", row);
        }
    }

    [Fact]
    public async Task Mute_RefusesSendsOnEveryReplica_AndUnmute_LetsThemSendAgain()
    {
        await using var opened = new AsyncDisposableList();
        var users = await JoinEveryReplicaAsync(opened, "muted");

        foreach (var (user, i) in users.Select((user, i) => (user, i)))
        {
            var muted = await fixture.App.ExecuteChatCommandAsync(fixture.ChatReplicas[i], "mute", ("username", user.Username), ("reason", "Cooling off"));
            var refused = await user.SendAsync("am I heard?");
            var unmuted = await fixture.App.ExecuteChatCommandAsync(fixture.ChatReplicas[(i + 1) % ScaleOutAppFixture.Replicas], "unmute", ("username", user.Username));
            var sent = await user.SendAsync("heard again");

            Assert.True(muted.Success, muted.Message);
            Assert.Equal(MessageResponse.Types.Code.Muted, refused.Code);
            Assert.Contains("Cooling off", refused.Msg);
            Assert.True(unmuted.Success, unmuted.Message);
            Assert.Equal(MessageResponse.Types.Code.Sent, sent.Code);
        }
    }

    [Fact]
    public async Task Disconnect_EndsTheStreamOfAUserOnEveryReplica()
    {
        await using var opened = new AsyncDisposableList();
        var users = await JoinEveryReplicaAsync(opened, "removed");

        foreach (var (user, i) in users.Select((user, i) => (user, i)))
        {
            var disconnected = await fixture.App.ExecuteChatCommandAsync(fixture.ChatReplicas[i], "disconnect", ("username", user.Username), ("reason", "Testing the reach"), ("minutes", "1"));

            Assert.True(disconnected.Success, disconnected.Message);
            var notice = await user.WaitForAsync(m => m.Kind == Message.Types.Kind.Announcement && m.Recipient is not null, $"{user.Username}'s disconnect notice");
            var ended = await Assert.ThrowsAsync<RpcException>(() => user.Completion.DefaultTimeout());
            Assert.Equal((StatusCode.PermissionDenied, notice.Msg), (ended.StatusCode, ended.Status.Detail));
        }
    }

    // One user on each replica, in the order of fixture.ChatReplicas.
    private async Task<IReadOnlyList<RoomListener>> JoinEveryReplicaAsync(AsyncDisposableList opened, string name)
    {
        var users = new List<RoomListener>();
        foreach (var replica in fixture.ChatReplicas)
        {
            users.Add(opened.Add(await RoomListener.JoinAsync(fixture.GrpcEndpointOf(replica), name)));
        }
        return users;
    }
}
