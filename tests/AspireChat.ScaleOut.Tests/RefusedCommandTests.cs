using AspireChat.ChatService.Stores.Redis;
using AspireChat.Testing;
using Grpc.Core;
using StackExchange.Redis;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ScaleOut.Tests;

// Redis can refuse one command of a send (here: a history whose newest entry is ahead of the
// sequence counter, as a hand edit or an eviction leaves it). That send is refused as not done,
// with the service's words; the room goes on, and once the history is removed sends go through.
[Collection(BackplaneFaultsCollection.Name)]
public sealed class RefusedCommandTests
{
    [Fact]
    public async Task AHistoryAheadOfTheCounter_RefusesTheSendAsNotDone_AndTheRoomGoesOn()
    {
        await using var redis = await RedisServerProcess.StartNewAsync();
        await using var service = new BackplaneChatServiceFactory(redis);
        await using var alice = await ChatTestClient.RegisterAsync(service, UniqueName.For("alice"));
        var database = service.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var log = (RedisKey)service.Services.GetRequiredService<RedisBackplane>().Channel.ToString().Replace(":messages", ":log", StringComparison.Ordinal);
        await database.StreamAddAsync(log, "e", "not the room's", messageId: "999999999-1").DefaultTimeout();

        var refused = await Assert.ThrowsAsync<RpcException>(() => alice.SendAsync("while the history is ahead"));
        // A stream's last id never goes back: the history ahead of the counter is removed whole.
        await database.KeyDeleteAsync(log).DefaultTimeout();
        var after = await alice.SendAsync("once it is removed");

        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.Contains("nothing was done", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(Code.Sent, after.Code);
    }
}
