using AspireChat.Protocol.Admin;
using AspireChat.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ChatService.FunctionalTests.Admin;

public sealed class MuteTests(AdminChatServiceFactory server) : IClassFixture<AdminChatServiceFactory>
{
    private static readonly TimeSpan s_duration = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Mute_RefusesBroadcastsAndDirectMessages_WithMutedAndTheReason()
    {
        var name = UniqueName.For("alice");
        await using var alice = await ChatTestClient.RegisterAsync(server, name);
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        var refusal = $"You are muted by the room's operator until {server.TimeIn(s_duration)} UTC: flooding.";

        var response = await MuteAsync(name, "flooding", s_duration);
        var broadcast = await alice.SendAsync("hello?");
        var direct = await alice.SendAsync($"@{bob.Username} psst");

        Assert.Equal(name, response.Username);
        Assert.Equal(Timestamp.FromDateTimeOffset(server.Clock.GetUtcNow() + s_duration), response.MutedUntil);
        Assert.Equal((Code.Muted, refusal), (broadcast.Code, broadcast.Msg));
        Assert.Equal((Code.Muted, refusal), (direct.Code, direct.Msg));
    }

    [Fact]
    public async Task Mute_OthersStillSend()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));

        await MuteAsync(alice.Username!, "flooding", s_duration);

        Assert.Equal(Code.Sent, (await bob.SendAsync("hi")).Code);
    }

    [Fact]
    public async Task Mute_AWorkshopClient_IsAnsweredInTheResponse_NotAnError()
    {
        var name = UniqueName.For("alice");
        await using var workshop = new WorkshopTestClient(server.CreateChannel());
        await workshop.AddUserAsync(name);

        await MuteAsync(name, "flooding", s_duration);
        var response = await workshop.SendAsync("hello?");

        Assert.Equal(8, (int)response.Code);
        Assert.StartsWith("You are muted by the room's operator until ", response.Msg);
    }

    [Fact]
    public async Task Unmute_LetsThemSendAgain()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await MuteAsync(alice.Username!, "flooding", s_duration);

        var unmuted = await server.Admin.UnmuteAsync(new UnmuteRequest { Username = alice.Username }).ResponseAsync.DefaultTimeout();
        var sent = await alice.SendAsync("thanks");
        var again = await server.Admin.UnmuteAsync(new UnmuteRequest { Username = alice.Username }).ResponseAsync.DefaultTimeout();

        Assert.True(unmuted.WasMuted);
        Assert.Equal(alice.Username, unmuted.Username);
        Assert.Equal(Code.Sent, sent.Code);
        Assert.False(again.WasMuted);
    }

    [Fact]
    public async Task Mute_EndsByItself_AtItsTime()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var listen = await alice.ListenAsync();
        await MuteAsync(alice.Username!, "flooding", s_duration);

        server.Clock.Advance(s_duration);
        var sent = await alice.SendAsync("back");

        Assert.Equal(Code.Sent, sent.Code);
    }

    [Fact]
    public async Task Mute_IsOfTheName_ANewSessionOfItIsStillMuted()
    {
        var name = UniqueName.For("alice");
        await using (var first = await ChatTestClient.RegisterAsync(server, name))
        {
            await MuteAsync(name, "flooding", s_duration);
        }
        // The first session's grace period passes: the name is free, and taken again.
        server.Clock.Advance(TimeSpan.FromSeconds(31));
        await using var second = await ChatTestClient.RegisterAsync(server, name);

        var refused = await second.SendAsync("it's me again");

        Assert.Equal(Code.Muted, refused.Code);
    }

    [Fact]
    public async Task Mute_NobodyOfThatName_IsNotFound()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => MuteAsync(UniqueName.For("nobody"), "flooding", s_duration));

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task MuteAndUnmute_AreTraced()
    {
        var name = UniqueName.For("alice");
        await using var alice = await ChatTestClient.RegisterAsync(server, name);

        await MuteAsync(name, "flooding", s_duration);
        await server.Admin.UnmuteAsync(new UnmuteRequest { Username = name }).ResponseAsync.DefaultTimeout();

        await TimeoutExtensions.WaitUntilAsync(() => Task.FromResult(server.OwnSpans.Any(s => s.OperationName == "chat.admin.unmute" && Equals(s.GetTagItem("chat.user"), name))), "the unmute is traced");
        Assert.Equal("muted", server.OwnSpans.Single(s => s.OperationName == "chat.admin.mute" && Equals(s.GetTagItem("chat.user"), name)).GetTagItem("chat.outcome"));
        Assert.Single(server.Logs.GetSnapshot(), r => r.Id.Name == "OperatorMuted" && r.Message.Contains(name));
        Assert.Single(server.Logs.GetSnapshot(), r => r.Id.Name == "OperatorUnmuted" && r.Message.Contains(name));
    }

    private Task<MuteResponse> MuteAsync(string name, string reason, TimeSpan duration) =>
        server.Admin.MuteAsync(new MuteRequest { Username = name, Reason = reason, Duration = Duration.FromTimeSpan(duration) }).ResponseAsync.DefaultTimeout();
}
