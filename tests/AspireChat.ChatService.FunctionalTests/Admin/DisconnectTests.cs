using System.Threading.Channels;
using AspireChat.Conventions;
using AspireChat.Protocol;
using AspireChat.Protocol.Admin;
using AspireChat.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ChatService.FunctionalTests.Admin;

public sealed class DisconnectTests(AdminChatServiceFactory server) : IClassFixture<AdminChatServiceFactory>
{
    private static readonly TimeSpan s_hold = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Disconnect_TellsTheUserWhy_ThenEndsTheirStreamsWithPermissionDenied()
    {
        var name = UniqueName.For("alice");
        await using var alice = await ChatTestClient.RegisterAsync(server, name);
        await using var first = await alice.ListenAsync();
        await using var second = await alice.ListenAsync(new ListenRequest { IncludePresence = true });
        var notice = $"You were disconnected by the room's operator: spamming links. The name {name} is held until {server.TimeIn(s_hold)} UTC.";

        var response = await DisconnectAsync(name, "spamming links", s_hold);

        Assert.Equal(name, response.Username);
        Assert.Equal(Timestamp.FromDateTimeOffset(server.Clock.GetUtcNow() + s_hold), response.HeldUntil);
        foreach (var listen in new[] { first, second })
        {
            var told = await listen.NextMatchingAsync(m => m.Kind == Message.Types.Kind.Announcement && m.Recipient is not null);
            Assert.Equal(notice, told.Msg);
            Assert.Equal(Usernames.Announcer, told.User.Username);
            Assert.Equal(name, told.Recipient.Username);
            var ended = await Assert.ThrowsAsync<RpcException>(() => listen.Completion.DefaultTimeout());
            Assert.Equal(StatusCode.PermissionDenied, ended.StatusCode);
            Assert.Equal(notice, ended.Status.Detail);
        }
    }

    [Fact]
    public async Task Disconnect_NoticeReachesNobodyElse()
    {
        var name = UniqueName.For("alice");
        await using var alice = await ChatTestClient.RegisterAsync(server, name);
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        await using var bobListens = await bob.ListenAsync(new ListenRequest { IncludePresence = true });
        var after = $"after the disconnect ({UniqueName.For("notice")})";

        await DisconnectAsync(name, "spam", s_hold);
        await server.Admin.AnnounceAsync(new AnnounceRequest { Text = after }).ResponseAsync.DefaultTimeout();

        var before = await bobListens.ReadUntilAsync(after);
        Assert.DoesNotContain(before, m => m.Recipient is not null);
    }

    [Fact]
    public async Task Disconnect_OthersSeeTheUserLeave_AtTheNextSweep()
    {
        var name = UniqueName.For("alice");
        await using var alice = await ChatTestClient.RegisterAsync(server, name);
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        await using var bobListens = await bob.ListenAsync(new ListenRequest { IncludePresence = true });

        await DisconnectAsync(name, "spam", s_hold);
        // The sweep runs every few seconds of the service's clock.
        server.Clock.Advance(TimeSpan.FromSeconds(5));

        var left = await bobListens.NextMatchingAsync(m => m.Kind == Message.Types.Kind.Left && m.User.Username == name);
        Assert.Equal($"{name} left", left.Msg);
    }

    [Fact]
    public async Task Disconnect_EndsTheSession_ItsTokenNoLongerWorks()
    {
        var name = UniqueName.For("alice");
        await using var alice = await ChatTestClient.RegisterAsync(server, name);

        await DisconnectAsync(name, "spam", s_hold);

        var send = await Assert.ThrowsAsync<RpcException>(() => alice.SendAsync("still here?"));
        using var call = alice.OpenListen();
        var listen = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).DefaultTimeout());
        Assert.Equal(StatusCode.Unauthenticated, send.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, listen.StatusCode);
    }

    [Fact]
    public async Task Disconnect_WorkshopClient_IsToldAndEnded_AndItsConnectionNoLongerNamesIt()
    {
        var name = UniqueName.For("alice");
        await using var workshop = new WorkshopTestClient(server.CreateChannel());
        await workshop.AddUserAsync(name);
        await workshop.ListenAsync();

        await DisconnectAsync(name, "spam", s_hold);

        var told = await workshop.NextAsync();
        while (told.User.Username != Usernames.Announcer)
        {
            told = await workshop.NextAsync();
        }
        Assert.StartsWith("You were disconnected by the room's operator: spam.", told.Msg);
        // The stream's end, as the probe that reads it passes it on.
        var closed = await Assert.ThrowsAsync<ChannelClosedException>(() => workshop.NextAsync());
        Assert.Equal(StatusCode.PermissionDenied, Assert.IsType<RpcException>(closed.InnerException).StatusCode);
        var send = await Assert.ThrowsAsync<RpcException>(() => workshop.SendAsync("still here?"));
        Assert.Equal(StatusCode.FailedPrecondition, send.StatusCode);
    }

    [Fact]
    public async Task Disconnect_HoldsTheName_ForEverybody_UntilTheHoldEnds()
    {
        var name = UniqueName.For("alice");
        await using (await ChatTestClient.RegisterAsync(server, name))
        {
            await DisconnectAsync(name, "spam", s_hold);
        }
        await using var again = new ChatTestClient(server.CreateChannel());
        var until = server.TimeIn(s_hold);

        var held = await again.AddUserAsync(name.ToUpperInvariant());
        server.Clock.Advance(s_hold + TimeSpan.FromSeconds(1));
        var free = await again.AddUserAsync(name);

        Assert.Equal(Code.Taken, held.Code);
        Assert.Equal($"The username {name.ToUpperInvariant()} is held by the room's operator until {until} UTC; choose another.", held.Msg);
        Assert.Equal(Code.Added, free.Code);
    }

    [Fact]
    public async Task Disconnect_WithoutAHoldPeriod_HoldsTheNameTenMinutes()
    {
        var name = UniqueName.For("alice");
        await using var alice = await ChatTestClient.RegisterAsync(server, name);

        var response = await server.Admin.DisconnectAsync(new DisconnectRequest { Username = name, Reason = "spam" }).ResponseAsync.DefaultTimeout();

        Assert.Equal(Timestamp.FromDateTimeOffset(server.Clock.GetUtcNow() + TimeSpan.FromMinutes(10)), response.HeldUntil);
    }

    [Fact]
    public async Task Disconnect_ANameInAnotherCase_FindsTheUser()
    {
        var name = UniqueName.For("alice");
        await using var alice = await ChatTestClient.RegisterAsync(server, name);

        var response = await DisconnectAsync(name.ToUpperInvariant(), "spam", s_hold);

        Assert.Equal(name, response.Username);
    }

    [Fact]
    public async Task Disconnect_NobodyOfThatName_IsNotFound()
    {
        var name = UniqueName.For("nobody");

        var refused = await Assert.ThrowsAsync<RpcException>(() => DisconnectAsync(name, "spam", s_hold));

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        Assert.Equal($"No user named {name} is online.", refused.Status.Detail);
    }

    [Fact]
    public async Task Disconnect_IsTracedAndLogged_WithTheReasonMadeInert()
    {
        var name = UniqueName.For("alice");
        await using var alice = await ChatTestClient.RegisterAsync(server, name);

        await DisconnectAsync(name, @"posting \u001b escapes", s_hold);

        await TimeoutExtensions.WaitUntilAsync(() => Task.FromResult(server.OwnSpans.Any(s => s.OperationName == "chat.admin.disconnect" && Equals(s.GetTagItem("chat.user"), name))), "the disconnect is traced");
        var span = server.OwnSpans.Single(s => s.OperationName == "chat.admin.disconnect" && Equals(s.GetTagItem("chat.user"), name));
        Assert.Equal("disconnected", span.GetTagItem("chat.outcome"));
        var line = Assert.Single(server.Logs.GetSnapshot(), r => r.Id.Name == "OperatorDisconnected" && r.Message.Contains(name));
        Assert.Contains(@"posting \\u001b escapes", line.Message);
    }

    private Task<DisconnectResponse> DisconnectAsync(string name, string reason, TimeSpan holdFor) =>
        server.Admin.DisconnectAsync(new DisconnectRequest { Username = name, Reason = reason, HoldFor = Duration.FromTimeSpan(holdFor) }).ResponseAsync.DefaultTimeout();
}
