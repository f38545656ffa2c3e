using AspireChat.Testing;
using Grpc.Core;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ChatService.FunctionalTests;

// What one address may hold at once: users, Listen streams and ListUsers calls. Each test comes
// from loopback addresses of its own, standing for two machines.
public sealed class PeerLimitsTests(PeerLimitsChatServiceFactory server) : IClassFixture<PeerLimitsChatServiceFactory>
{
    [Fact]
    public async Task AddUser_PastTheUsersAnAddressHolds_IsRateLimited_WhileAnotherAddressRegisters()
    {
        await using var owned = new AsyncDisposableList();
        var crowded = server.CreateChannel(FromAddress.Of(FromAddress.Loopback(10)));
        var added = new List<Code>();
        for (var i = 0; i < PeerLimitsChatServiceFactory.MaxUsersPerAddress; i++)
        {
            added.Add((await owned.Add(new ChatTestClient(crowded)).AddUserAsync(UniqueName.For("crowd"))).Code);
        }

        var oneTooMany = await owned.Add(new ChatTestClient(crowded)).AddUserAsync(UniqueName.For("crowd"));
        var elsewhere = await owned.Add(new ChatTestClient(server.CreateChannel(FromAddress.Of(FromAddress.Loopback(11))))).AddUserAsync(UniqueName.For("elsewhere"));

        Assert.All(added, code => Assert.Equal(Code.Added, code));
        Assert.Equal(Code.RateLimited, oneTooMany.Code);
        Assert.Contains("Your network address already holds 3 users", oneTooMany.Msg);
        Assert.Equal(Code.Added, elsewhere.Code);
    }

    [Fact]
    public async Task Listen_PastTheStreamsAnAddressHolds_IsResourceExhausted_WhileAnotherAddressListens()
    {
        await using var owned = new AsyncDisposableList();
        var alice = owned.Add(new ChatTestClient(server.CreateChannel(FromAddress.Of(FromAddress.Loopback(12)))));
        await alice.AddUserAsync(UniqueName.For("alice"));
        for (var i = 0; i < PeerLimitsChatServiceFactory.MaxStreamsPerAddress; i++)
        {
            owned.Add(await alice.ListenAsync());
        }

        using var oneTooMany = alice.OpenListen();
        var refused = await Assert.ThrowsAsync<RpcException>(() => oneTooMany.ResponseStream.MoveNext().DefaultTimeout());
        var aliceElsewhere = owned.Add(alice.SameUserOn(server.CreateChannel(FromAddress.Of(FromAddress.Loopback(13)))));
        var elsewhere = owned.Add(await aliceElsewhere.ListenAsync());

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("Your network address has 2 Listen streams open already", refused.Status.Detail);
        Assert.NotNull(elsewhere);
    }

    [Fact]
    public async Task ListUsers_Unregistered_IsRefused()
    {
        await using var stranger = new ChatTestClient(server.CreateChannel(FromAddress.Of(FromAddress.Loopback(14))));

        var refused = await Assert.ThrowsAsync<RpcException>(stranger.ListUsersAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
    }

    [Fact]
    public async Task ListUsers_PastItsRatePerAddress_IsResourceExhausted()
    {
        await using var alice = new ChatTestClient(server.CreateChannel(FromAddress.Of(FromAddress.Loopback(15))));
        await alice.AddUserAsync(UniqueName.For("alice"));

        // A burst of three, then one a second: within six calls in a row one is refused.
        RpcException? refused = null;
        for (var i = 0; i < 2 * PeerLimitsChatServiceFactory.ListUsersBurstPerAddress && refused is null; i++)
        {
            refused = await Record.ExceptionAsync(alice.ListUsersAsync) as RpcException;
        }

        Assert.NotNull(refused);
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("Too many ListUsers calls from your network address", refused.Status.Detail);
    }
}
