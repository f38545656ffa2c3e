using AspireChat.ChatService.Stores.Redis;
using AspireChat.Testing;
using StackExchange.Redis;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ScaleOut.Tests;

// The room's channel carries frames of numbered entries. Whatever else lands on it (another
// program's publish, a frame cut short) is skipped with a warning, and the room goes on.
[Collection(BackplaneFaultsCollection.Name)]
public sealed class ForeignFrameTests
{
    [Theory]
    [InlineData("hello")]
    [InlineData("500 too short")]
    [InlineData("0 ")]
    [InlineData("9 not-epoch")]
    [InlineData("-3 abc")]
    public async Task AFrameThatIsNotTheRooms_IsSkipped_AndTheNextMessageArrives(string frame)
    {
        await using var redis = await RedisServerProcess.StartNewAsync();
        await using var service = new BackplaneChatServiceFactory(redis);
        await WaitForLogAsync(service, "joined the shared room");
        await using var alice = await ChatTestClient.RegisterAsync(service, UniqueName.For("alice"));
        await using var listens = await alice.ListenAsync();

        var backplane = service.Services.GetRequiredService<RedisBackplane>();
        await service.Services.GetRequiredService<IConnectionMultiplexer>().GetSubscriber().PublishAsync(backplane.Channel, frame).DefaultTimeout();
        var after = await alice.SendAsync("after the foreign frame");

        Assert.Equal(Code.Sent, after.Code);
        // Read up to the message: it arrives, and nothing came before it.
        Assert.Empty(await listens.ReadUntilAsync("after the foreign frame"));
        await WaitForLogAsync(service, "Skipped an entry of the shared room");
    }

    private static Task WaitForLogAsync(BackplaneChatServiceFactory service, string text) => TimeoutExtensions.WaitUntilAsync(
        () => Task.FromResult(service.Logs.GetSnapshot().Any(e => e.Message.Contains(text, StringComparison.Ordinal))), $"a log line with \"{text}\"");
}
