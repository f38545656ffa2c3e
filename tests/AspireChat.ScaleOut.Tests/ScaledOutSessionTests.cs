using AspireChat.Testing;
using Grpc.Core;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ScaleOut.Tests;

// A session token from one replica is good on every other; nobody can post as somebody else on
// any of them.
[Collection(BackplaneCollection.Name)]
public sealed class ScaledOutSessionTests(ChatClusterFixture fixture)
{
    private ChatCluster Cluster => fixture.Cluster;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task SessionToken_IssuedByOneReplica_IsHonouredByAnother(int otherReplica)
    {
        await using var alice = await Cluster.RegisterAsync(0, UniqueName.For("alice"));
        await using var watcher = await Cluster.RegisterAsync((otherReplica % 2) + 1, UniqueName.For("watcher"));
        await using var watcherListens = await watcher.ListenAsync();
        await using var aliceElsewhere = alice.SameUserOn(Cluster.Channel(otherReplica));

        await using var aliceListensElsewhere = await aliceElsewhere.ListenAsync();
        var response = await aliceElsewhere.SendAsync("sent with a token from replica 0");

        Assert.True(response.Code == Code.Sent, $"{response.Code} {response.Msg}");
        foreach (var stream in new[] { watcherListens, aliceListensElsewhere })
        {
            var message = await stream.NextAsync();
            Assert.Equal($"{alice.Username}: sent with a token from replica 0", $"{message.User.Username}: {message.Msg}");
            Assert.Equal(response.Sequence, message.Sequence);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task SendMessage_AsSomebodyElse_IsPermissionDenied_OnAnyReplica(int replica)
    {
        await using var alice = await Cluster.RegisterAsync(0, UniqueName.For("alice"));
        await using var mallory = await Cluster.RegisterAsync(1, UniqueName.For("mallory"));
        await using var aliceListens = await alice.ListenAsync();
        await using var malloryHere = mallory.SameUserOn(Cluster.Channel(replica));
        var marker = UniqueName.For("marker");

        var refused = await Assert.ThrowsAsync<RpcException>(() => malloryHere.SendAsync("it's alice, really", asUser: alice.Username));
        await alice.SendAsync(marker);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Empty(await aliceListens.ReadUntilAsync(marker));
    }
}
