using AspireChat.Conventions;
using AspireChat.Protocol;
using AspireChat.Protocol.Admin;
using AspireChat.Testing;
using Grpc.Core;

namespace AspireChat.ChatService.FunctionalTests.Admin;

public sealed class AnnounceTests(AdminChatServiceFactory server) : IClassFixture<AdminChatServiceFactory>
{
    [Fact]
    public async Task Announce_ReachesAWorkshopListenerWithoutPresence_AsAMessageFromRoom()
    {
        // The workshop's own contract: no presence, no history, no kinds.
        await using var workshop = new WorkshopTestClient(server.CreateChannel());
        await workshop.AddUserAsync(UniqueName.For("alice"));
        await workshop.ListenAsync();
        var text = $"The room closes at six ({UniqueName.For("notice")}).";

        await server.Admin.AnnounceAsync(new AnnounceRequest { Text = text }).ResponseAsync.DefaultTimeout();

        var shown = await workshop.NextAsync();
        while (shown.Msg != text)
        {
            shown = await workshop.NextAsync();
        }
        // What the workshop's client prints: "<user>: <msg>".
        Assert.Equal($"room: {text}", $"{shown.User.Username}: {shown.Msg}");
    }

    [Fact]
    public async Task Announce_ReachesEveryListener_AsAnAnnouncementFromRoom()
    {
        await using var alice = await ChatTestClient.RegisterAsync(server, UniqueName.For("alice"));
        await using var bob = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));
        await using var aliceListens = await alice.ListenAsync(new ListenRequest { IncludePresence = true });
        await using var bobListens = await bob.ListenAsync();
        var text = $"Welcome, everybody ({UniqueName.For("notice")}).";

        var response = await server.Admin.AnnounceAsync(new AnnounceRequest { Text = text }).ResponseAsync.DefaultTimeout();

        foreach (var listen in new[] { aliceListens, bobListens })
        {
            var announcement = await listen.NextMatchingAsync(m => m.Msg == text);
            Assert.Equal(Message.Types.Kind.Announcement, announcement.Kind);
            Assert.Equal(Usernames.Announcer, announcement.User.Username);
            Assert.Null(announcement.Recipient);
            Assert.Equal(response.Sequence, announcement.Sequence);
            Assert.Equal(response.Timestamp, announcement.Timestamp);
        }
    }

    [Fact]
    public async Task Announce_IsKeptInTheHistory_LikeAChatMessage()
    {
        var text = $"Kept for latecomers ({UniqueName.For("notice")}).";
        await server.Admin.AnnounceAsync(new AnnounceRequest { Text = text }).ResponseAsync.DefaultTimeout();
        await using var latecomer = await ChatTestClient.RegisterAsync(server, UniqueName.For("bob"));

        await using var listen = await latecomer.ListenAsync(new ListenRequest { History = 1000 });

        var replayed = await listen.NextMatchingAsync(m => m.Msg == text);
        Assert.Equal(Message.Types.Kind.Announcement, replayed.Kind);
    }

    [Fact]
    public async Task Announce_IsTracedAndLogged_WithItsTextMadeInert()
    {
        var marker = UniqueName.For("notice");
        var text = $"Two\tcolumns {marker}";

        var response = await server.Admin.AnnounceAsync(new AnnounceRequest { Text = text }).ResponseAsync.DefaultTimeout();

        await TimeoutExtensions.WaitUntilAsync(() => Task.FromResult(server.OwnSpans.Any(s => s.OperationName == "chat.admin.announce" && Equals(s.GetTagItem("chat.sequence"), (long)response.Sequence))), "the announcement is traced");
        var span = server.OwnSpans.Single(s => s.OperationName == "chat.admin.announce" && Equals(s.GetTagItem("chat.sequence"), (long)response.Sequence));
        Assert.Equal("sent", span.GetTagItem("chat.outcome"));
        var line = Assert.Single(server.Logs.GetSnapshot(), r => r.Id.Name == "OperatorAnnounced" && r.Message.Contains(marker));
        Assert.Contains(@"Two\tcolumns", line.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u001b[2Jclear the screen")]
    [InlineData("bell\u0007")]
    public async Task Announce_TextThatBreaksTheMessageRules_IsInvalidArgument(string text)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => server.Admin.AnnounceAsync(new AnnounceRequest { Text = text }).ResponseAsync.DefaultTimeout());

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith("A message", refused.Status.Detail);
    }

    [Fact]
    public async Task Announce_TooLong_IsInvalidArgument_WithTheLimit()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => server.Admin.AnnounceAsync(new AnnounceRequest { Text = new string('a', 4097) }).ResponseAsync.DefaultTimeout());

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("at most 4096 characters", refused.Status.Detail);
    }
}
