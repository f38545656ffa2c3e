using AspireChat.Testing;
using AspireChat.Protocol;
using Grpc.Core;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ChatService.FunctionalTests;

public sealed class LimitsTests(StrictLimitsChatServiceFactory server) : IClassFixture<StrictLimitsChatServiceFactory>
{
    [Fact]
    public async Task SendMessage_FasterThanTheRateLimit_IsAnsweredRateLimited()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));

        // The bucket starts full and refills one message a second: a full burst always passes,
        // and five more in a row cannot all pass unless the sends took five seconds.
        var responses = new List<MessageResponse>();
        for (var i = 0; i < StrictLimitsChatServiceFactory.Burst + 5; i++)
        {
            responses.Add(await alice.SendAsync($"message {i}"));
        }

        Assert.All(responses.Take(StrictLimitsChatServiceFactory.Burst), r => Assert.Equal(Code.Sent, r.Code));
        var limited = Assert.Single(responses.Where(r => r.Code == Code.RateLimited).Take(1));
        Assert.Contains("Slow down", limited.Msg);
    }

    [Fact]
    public async Task RateLimit_IsPerUser()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        for (var i = 0; i < StrictLimitsChatServiceFactory.Burst + 5; i++)
        {
            await alice.SendAsync($"message {i}");
        }

        var response = await bob.SendAsync("my turn");

        Assert.Equal(Code.Sent, response.Code);
    }

    [Fact]
    public async Task Listen_MoreStreamsThanAllowed_IsResourceExhausted()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var first = await alice.ListenAsync();
        await using var second = await alice.ListenAsync();

        using var third = alice.OpenListen();
        var error = await Assert.ThrowsAsync<RpcException>(() => third.ResponseStream.MoveNext()).DefaultTimeout();

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task SendMessage_FarLargerThanAnyChatMessage_IsRefusedBeforeItIsRead()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));

        var error = await Assert.ThrowsAsync<RpcException>(() => alice.SendAsync(new string('x', 100_000)));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }
}
