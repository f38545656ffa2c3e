using AspireChat.Protocol;
using AspireChat.Testing;
using Grpc.Core;

namespace AspireChat.AppHost.Tests.Operations;

// The operator's commands on chat, executed through Aspire as the dashboard does, and what a
// client of the room sees of each.
[Collection(ChatAppCollection.Name)]
public sealed class ChatOperationsTests(ChatAppFixture fixture)
{
    [Fact]
    public async Task Announce_ReachesAListener_AsANoticeFromTheRoom()
    {
        await using var listener = await RoomListener.JoinAsync(fixture.ChatEndpoint, "hearer");
        var text = $"The room closes at midnight ({Guid.NewGuid():N})";

        var announced = await fixture.App.ExecuteChatCommandAsync("chat", "announce", ("text", text));

        Assert.True(announced.Success, announced.Message);
        var notice = await listener.WaitForAsync(m => m.Msg == text, "the announcement");
        Assert.Equal(Message.Types.Kind.Announcement, notice.Kind);
        Assert.Equal("room", notice.User.Username);
        Assert.Null(notice.Recipient);
        Assert.Equal($"Announced to the room as #{notice.Sequence}.", announced.Message);
    }

    [Fact]
    public async Task ListUsers_ShowsATable_ThatNamesAliceAndBob()
    {
        ExecuteCommandResult? listed = null;

        // The bots may be coming back from an earlier test's restart of chat.
        await TimeoutExtensions.WaitUntilAsync(
            async () =>
            {
                listed = await fixture.App.ExecuteChatCommandAsync("chat", "list-users");
                return listed.Success && new[] { "alice", "bob" }.All(bot => ChatCommands.TableRows(listed).Any(row => row.StartsWith($"| {bot} |", StringComparison.Ordinal)));
            },
            "list-users names alice and bob",
            TimeoutExtensions.StartupTimeoutSpan,
            TimeSpan.FromMilliseconds(500));

        Assert.Equal(CommandResultFormat.Markdown, listed!.Data!.Format);
        Assert.True(listed.Data.DisplayImmediately);
        Assert.StartsWith("| Name | Online for | Streams | Replicas | Muted until |", listed.Data.Value);
        Assert.Contains("alice", listed.Message);
        Assert.Contains("bob", listed.Message);
    }

    [Fact]
    public async Task Mute_RefusesTheUsersSends_WithTheReason_UntilUnmute()
    {
        await using var user = await RoomListener.JoinAsync(fixture.ChatEndpoint, "shouter");

        var muted = await fixture.App.ExecuteChatCommandAsync("chat", "mute", ("username", user.Username), ("minutes", "5"), ("reason", "All caps, all the time"));
        var refused = await user.SendAsync("HELLO?");
        var unmuted = await fixture.App.ExecuteChatCommandAsync("chat", "unmute", ("username", user.Username));
        var sent = await user.SendAsync("hello, sorry");

        Assert.True(muted.Success, muted.Message);
        Assert.Matches($@"^Muted {user.Username} until \d\d:\d\d:\d\d UTC\.$", muted.Message);
        Assert.Equal(MessageResponse.Types.Code.Muted, refused.Code);
        Assert.Contains("All caps, all the time", refused.Msg);
        Assert.True(unmuted.Success, unmuted.Message);
        Assert.Equal($"Unmuted {user.Username}: they can send again.", unmuted.Message);
        Assert.Equal(MessageResponse.Types.Code.Sent, sent.Code);
    }

    [Fact]
    public async Task Disconnect_TellsTheUserWhy_AndEndsTheirStream_PermissionDenied()
    {
        await using var user = await RoomListener.JoinAsync(fixture.ChatEndpoint, "spammer");

        var disconnected = await fixture.App.ExecuteChatCommandAsync("chat", "disconnect", ("username", user.Username), ("reason", "Links to a scam"), ("minutes", "1"));

        Assert.True(disconnected.Success, disconnected.Message);
        Assert.Matches($@"^Disconnected {user.Username}; the name is held until \d\d:\d\d:\d\d UTC\.$", disconnected.Message);
        var notice = await user.WaitForAsync(m => m.Kind == Message.Types.Kind.Announcement && m.Recipient is not null, "the disconnect notice");
        Assert.Equal(("room", user.Username), (notice.User.Username, notice.Recipient.Username));
        Assert.StartsWith($"You were disconnected by the room's operator: Links to a scam. The name {user.Username} is held until ", notice.Msg);
        var ended = await Assert.ThrowsAsync<RpcException>(() => user.Completion.DefaultTimeout());
        Assert.Equal(StatusCode.PermissionDenied, ended.StatusCode);
        Assert.Equal(notice.Msg, ended.Status.Detail);
    }

    [Fact]
    public async Task Commands_OnAUserWhoIsNotOnline_FailWithTheServicesWords()
    {
        var nobody = UniqueName.For("nobody");

        var mute = await fixture.App.ExecuteChatCommandAsync("chat", "mute", ("username", nobody), ("reason", "Testing"));
        var disconnect = await fixture.App.ExecuteChatCommandAsync("chat", "disconnect", ("username", nobody), ("reason", "Testing"));

        Assert.False(mute.Success);
        Assert.Equal($"No user named {nobody} is online.", mute.Message);
        Assert.False(disconnect.Success);
        Assert.Equal($"No user named {nobody} is online.", disconnect.Message);
    }

    [Fact]
    public async Task Commands_WithInputsOutOfRange_AreRefusedBeforeAnyCall()
    {
        await using var user = await RoomListener.JoinAsync(fixture.ChatEndpoint, "bystander");

        var forever = await fixture.App.ExecuteChatCommandAsync("chat", "mute", ("username", user.Username), ("minutes", "100000"), ("reason", "Testing"));
        var noReason = await fixture.App.ExecuteChatCommandAsync("chat", "disconnect", ("username", user.Username));
        var sent = await user.SendAsync("still here");

        Assert.False(forever.Success);
        Assert.False(noReason.Success);
        Assert.Equal(MessageResponse.Types.Code.Sent, sent.Code);
    }

    [Fact]
    public async Task UserInputs_OfferTheUsersOnline_AsTheDialogOpens()
    {
        await using var user = await RoomListener.JoinAsync(fixture.ChatEndpoint, "pickable");
        var mute = fixture.Resource("chat").Annotations.OfType<ResourceCommandAnnotation>().Single(command => command.Name == "mute");
        var declared = mute.Arguments.Single(input => input.Name == "username");
        var input = new InteractionInput { Name = declared.Name, InputType = declared.InputType, DynamicLoading = declared.DynamicLoading };

        await declared.DynamicLoading!.LoadCallback(new LoadInputContext { Input = input, AllInputs = new([input]), Services = fixture.App.Services, CancellationToken = CancellationToken.None }).DefaultTimeout();

        Assert.Contains(user.Username, input.Options!.Select(option => option.Key));
        Assert.True(declared.AllowCustomChoice);
    }

    [Fact]
    public void Commands_AreEnabled_WhileChatIsHealthy()
    {
        Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState("chat", out var chat));

        var commands = chat.Snapshot.Commands.ToDictionary(command => command.Name);

        Assert.All(new[] { "announce", "list-users", "mute", "unmute", "disconnect" }, name => Assert.Equal(ResourceCommandState.Enabled, commands[name].State));
    }
}
