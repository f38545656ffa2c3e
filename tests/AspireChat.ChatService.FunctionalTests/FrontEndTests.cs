using AspireChat.Protocol;
using AspireChat.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ChatService.FunctionalTests;

// A trusted front end (the web app) serves many people over one connection: with its key, each
// call counts the address of the person it names, as if that person had connected directly.
// Without the key, naming an address is refused. Each test forwards addresses of its own.
public sealed class FrontEndTests(FrontEndChatServiceFactory server, ChatServiceFactory untrusting)
    : IClassFixture<FrontEndChatServiceFactory>, IClassFixture<ChatServiceFactory>
{
    private const int Limit = FrontEndChatServiceFactory.MaxUsersPerAddress;

    [Fact]
    public async Task PeopleOnOneFrontEndConnection_EachHaveTheirOwnAddressLimits()
    {
        using var frontEnd = server.CreateChannel();
        var first = Trusted(frontEnd, "203.0.113.1");
        var second = Trusted(frontEnd, "2001:db8:1::1");

        var firstsNames = await RegisterManyAsync(first, "first", Limit + 1);
        var secondsNames = await RegisterManyAsync(second, "second", Limit);

        Assert.Equal([.. Enumerable.Repeat(Code.Added, Limit), Code.RateLimited], firstsNames.Select(r => r.Code));
        Assert.Contains("Your network address", firstsNames[^1].Msg);
        Assert.All(secondsNames, r => Assert.Equal(Code.Added, r.Code));
    }

    [Fact]
    public async Task DirectConnections_StillCountTheirOwnAddress()
    {
        await using var owned = new AsyncDisposableList();
        var responses = new List<MessageResponse>();
        for (var i = 0; i <= Limit; i++)
        {
            var client = owned.Add(new ChatTestClient(server.CreateChannel(FromAddress.Of(FromAddress.Loopback(40)))));
            responses.Add(await client.AddUserAsync(UniqueName.For("direct")));
        }

        Assert.Equal([.. Enumerable.Repeat(Code.Added, Limit), Code.RateLimited], responses.Select(r => r.Code));
    }

    [Fact]
    public async Task APerson_CountsTheSameDirectlyAndThroughTheFrontEnd()
    {
        var person = FromAddress.Loopback(41);
        await using var direct = new ChatTestClient(server.CreateChannel(FromAddress.Of(person)));
        using var frontEnd = server.CreateChannel(FromAddress.Of(FromAddress.Loopback(42)));
        var forwarded = Trusted(frontEnd, person.ToString());

        var names = await RegisterManyAsync(forwarded, "forwarded", Limit - 1);
        var directly = await direct.AddUserAsync(UniqueName.For("direct"));
        var oneTooMany = await forwarded.AddUserAsync(UniqueName.For("forwarded"));

        Assert.All(names, r => Assert.Equal(Code.Added, r.Code));
        Assert.Equal(Code.Added, directly.Code);
        Assert.Equal(Code.RateLimited, oneTooMany.Code);
    }

    [Fact]
    public async Task AHeldName_RegisteredForAnotherPersonOnTheSameConnection_IsTaken()
    {
        using var frontEnd = server.CreateChannel();
        var owner = Trusted(frontEnd, "203.0.113.10");
        var sameAddress = Trusted(frontEnd, "203.0.113.10");
        var other = Trusted(frontEnd, "203.0.113.11");
        var name = UniqueName.For("shared");

        var registered = await owner.AddUserAsync(name);
        var byOther = await other.AddUserAsync(name);
        var byAnotherTabWithoutToken = await sameAddress.AddUserAsync(name);
        var byOwnerAgain = await owner.AddUserAsync(name);

        Assert.Equal(Code.Added, registered.Code);
        Assert.Equal(Code.Taken, byOther.Code);
        Assert.Equal(Code.Taken, byAnotherTabWithoutToken.Code);
        Assert.Equal(Code.Added, byOwnerAgain.Code);
        Assert.Equal(registered.SessionToken, byOwnerAgain.SessionToken);
    }

    [Fact]
    public async Task ACallWithoutAToken_IsNotAnybodyOnTheFrontEndsConnection()
    {
        using var frontEnd = server.CreateChannel();
        var registered = Trusted(frontEnd, "203.0.113.20");
        Assert.Equal(Code.Added, (await registered.AddUserAsync(UniqueName.For("known"))).Code);
        var tokenless = Trusted(frontEnd, "203.0.113.20");

        var send = await Assert.ThrowsAsync<RpcException>(() => tokenless.SendAsync("hello"));
        var list = await Assert.ThrowsAsync<RpcException>(tokenless.ListUsersAsync);

        Assert.Equal(StatusCode.FailedPrecondition, send.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, list.StatusCode);
    }

    [Fact]
    public async Task PeopleOnOneFrontEndConnection_ChatByTheirSessionTokens()
    {
        using var frontEnd = server.CreateChannel();
        var listener = Trusted(frontEnd, "203.0.113.30");
        var sender = Trusted(frontEnd, "2001:db8:2::1");
        var senderName = UniqueName.For("sender");
        await listener.AddUserAsync(UniqueName.For("listener"));
        await sender.AddUserAsync(senderName);
        await using var stream = await listener.ListenAsync();

        var sent = await sender.SendAsync("through the front end");
        var received = await stream.NextAsync();
        var online = await sender.ListUsersAsync();

        Assert.Equal(Code.Sent, sent.Code);
        Assert.Equal(("through the front end", senderName), (received.Msg, received.User.Username));
        Assert.Contains(online.Users, u => u.Username == senderName);
    }

    [Theory]
    [InlineData(FrontEndChatServiceFactory.Key + "x")]
    [InlineData("not-the-front-end-key-of-the-tests-012")]
    [InlineData(null)]
    public async Task AForwardedAddress_WithoutTheKey_IsRefused(string? key)
    {
        using var channel = server.CreateChannel();
        var client = new FrontEndTestClient(channel, "203.0.113.40", key);

        await AssertEveryCallRefusedAsync(client, StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task TheKeyAlone_WithoutAnAddress_IsRefused()
    {
        using var channel = server.CreateChannel();
        var client = new FrontEndTestClient(channel, personAddress: null, FrontEndChatServiceFactory.Key);

        await AssertEveryCallRefusedAsync(client, StatusCode.InvalidArgument);
    }

    [Fact]
    public async Task AServiceWithoutAFrontEndKey_TrustsNoFrontEnd()
    {
        using var channel = untrusting.CreateChannel();
        var client = new FrontEndTestClient(channel, "203.0.113.50", FrontEndChatServiceFactory.Key);

        await AssertEveryCallRefusedAsync(client, StatusCode.PermissionDenied);
    }

    [Theory]
    [InlineData("somebody")]
    [InlineData("1")]
    [InlineData("010.0.0.1")]
    [InlineData("203.0.113.1:443")]
    [InlineData("[2001:db8::1]")]
    [InlineData("fe80::1%1")]
    [InlineData("203.0.113.1, 198.51.100.1")]
    public async Task AMalformedForwardedAddress_IsInvalidArgument(string forwarded)
    {
        using var channel = server.CreateChannel();
        var client = new FrontEndTestClient(channel, forwarded, FrontEndChatServiceFactory.Key);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.AddUserAsync(UniqueName.For("malformed")));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("chat-forwarded-for", error.Status.Detail);
    }

    [Fact]
    public async Task ARefusal_IsLoggedWithoutTheKey()
    {
        const string wrongKey = "a-wrong-key-that-must-never-be-logged-0123";
        using var channel = server.CreateChannel(FromAddress.Of(FromAddress.Loopback(43)));
        var client = new FrontEndTestClient(channel, "203.0.113.60", wrongKey);

        await Assert.ThrowsAsync<RpcException>(() => client.AddUserAsync(UniqueName.For("logged")));

        var logs = server.Logs.GetSnapshot();
        Assert.Contains(logs, l => l.Id.Name == "ForwardedCallRefused" && l.Level == LogLevel.Warning && l.Message.Contains("127.0.0.43", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Message.Contains(wrongKey, StringComparison.Ordinal) || l.Message.Contains(FrontEndChatServiceFactory.Key, StringComparison.Ordinal));
    }

    private static FrontEndTestClient Trusted(GrpcChannel frontEnd, string personAddress) =>
        new(frontEnd, personAddress, FrontEndChatServiceFactory.Key);

    private static async Task<List<MessageResponse>> RegisterManyAsync(FrontEndTestClient person, string name, int count)
    {
        var responses = new List<MessageResponse>();
        for (var i = 0; i < count; i++)
        {
            responses.Add(await person.AddUserAsync(UniqueName.For(name)));
        }
        return responses;
    }

    private static async Task AssertEveryCallRefusedAsync(FrontEndTestClient client, StatusCode expected)
    {
        var calls = new Func<Task>[]
        {
            () => client.AddUserAsync(UniqueName.For("refused")),
            () => client.SendAsync("hello"),
            client.ListUsersAsync,
            async () =>
            {
                using var listen = client.OpenListen();
                await listen.ResponseStream.MoveNext().DefaultTimeout();
            },
        };
        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(expected, error.StatusCode);
            Assert.Contains("chat-forwarded-for", error.Status.Detail);
        }
    }
}
