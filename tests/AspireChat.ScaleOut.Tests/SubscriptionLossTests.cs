using AspireChat.ChatService.Stores.Redis;
using AspireChat.Testing;
using StackExchange.Redis;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ScaleOut.Tests;

// The Redis client completes a subscription's queue when the subscription is removed; reading it
// throws from then on. The receiver must subscribe again and catch up from the log, so that its
// listeners miss nothing, rather than end (and stop the host).
[Collection(BackplaneFaultsCollection.Name)]
public sealed class SubscriptionLossTests
{
    [Fact]
    public async Task SubscriptionRemoved_TheReceiverSubscribesAgain_AndListenersMissNothing()
    {
        await using var redis = await RedisServerProcess.StartNewAsync();
        await using var service = new BackplaneChatServiceFactory(redis);
        await WaitForJoinsAsync(service, 1);
        await using var alice = await ChatTestClient.RegisterAsync(service, UniqueName.For("alice"));
        await using var listens = await alice.ListenAsync();
        var before = await alice.SendAsync("before the subscription ended");
        var beforeSeen = await listens.NextAsync();

        var backplane = service.Services.GetRequiredService<RedisBackplane>();
        await service.Services.GetRequiredService<IConnectionMultiplexer>().GetSubscriber().UnsubscribeAsync(backplane.Channel).DefaultTimeout();
        var meanwhile = await alice.SendAsync("while nobody was subscribed");
        await WaitForJoinsAsync(service, 2);
        var after = await alice.SendAsync("after subscribing again");
        var received = await listens.ReadUntilAsync("after subscribing again");

        Assert.True(before.Code == Code.Sent && meanwhile.Code == Code.Sent && after.Code == Code.Sent, $"{before.Code} {meanwhile.Code} {after.Code}");
        Assert.Equal(before.Sequence, beforeSeen.Sequence);
        Assert.Equal([$"{meanwhile.Sequence}: while nobody was subscribed"], received.Select(m => $"{m.Sequence}: {m.Msg}"));
        Assert.Contains(service.Logs.GetSnapshot(), e => e.Message.Contains("subscription to the shared room ended", StringComparison.Ordinal));
        Assert.False(listens.Completion.IsCompleted, "the listener's stream ended");
    }

    // Until the receiver has joined the shared room so often, the replica refuses Listen calls.
    private static Task WaitForJoinsAsync(BackplaneChatServiceFactory service, int joins) => TimeoutExtensions.WaitUntilAsync(
        () => Task.FromResult(service.Logs.GetSnapshot().Count(e => e.Message.Contains("joined the shared room", StringComparison.Ordinal)) >= joins),
        joins == 1 ? "the receiver joined the shared room" : "the receiver joined the shared room again");
}
