using AspireChat.Tests.Infrastructure;
using Grpc.Core;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.Tests.ChatService;

public sealed class LimitsTests(StrictLimitsChatServiceFactory server) : IClassFixture<StrictLimitsChatServiceFactory>
{
    [Fact]
    public async Task SendMessage_FasterThanTheRateLimit_IsAnsweredRateLimited()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));

        var responses = new List<Code>();
        for (var i = 0; i <= StrictLimitsChatServiceFactory.Burst; i++)
        {
            responses.Add((await alice.SendAsync($"message {i}")).Code);
        }

        Assert.Equal(Enumerable.Repeat(Code.Sent, StrictLimitsChatServiceFactory.Burst), responses.Take(StrictLimitsChatServiceFactory.Burst));
        Assert.Equal(Code.RateLimited, responses[^1]);
    }

    [Fact]
    public async Task RateLimit_IsPerUser()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        for (var i = 0; i <= StrictLimitsChatServiceFactory.Burst; i++)
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
