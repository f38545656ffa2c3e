using AspireChat.ChatService.FunctionalTests.Admin;
using AspireChat.Protocol.Admin;
using AspireChat.Testing;
using Google.Protobuf.WellKnownTypes;

namespace AspireChat.ChatService.FunctionalTests.Clients;

// The console client and a bot, as processes, against the real service while its operator
// announces, mutes and disconnects through the admin API.
public sealed class ClientsAndTheOperatorTests(AdminChatServiceFactory server) : IClassFixture<AdminChatServiceFactory>
{
    private static readonly TimeSpan s_period = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task ConsoleClient_ShowsTheAnnouncement_TheMute_AndEndsOnTheDisconnect()
    {
        var name = UniqueName.For("carol");
        var announcement = $"maintenance at noon ({UniqueName.For("notice")})";
        await using var console = ConsoleClientProcess.Start(server.GrpcAddress, name);
        await console.WaitForLineAsync(line => line.StartsWith("* connected", StringComparison.Ordinal), "the connected line");
        await OnlineUsers.WaitUntilListeningAsync(server.GrpcAddress, name);

        await server.Admin.AnnounceAsync(new AnnounceRequest { Text = announcement }).ResponseAsync.DefaultTimeout();
        await console.WaitForLineAsync($"* room: {announcement}");
        await server.Admin.MuteAsync(new MuteRequest { Username = name, Reason = "shouting", Duration = Duration.FromTimeSpan(s_period) }).ResponseAsync.DefaultTimeout();
        await console.WriteLineAsync("HELLO");
        await console.WaitForLineAsync($"! You are muted by the room's operator until {server.TimeIn(s_period)} UTC: shouting.");
        await server.Admin.DisconnectAsync(new DisconnectRequest { Username = name, Reason = "spam", HoldFor = Duration.FromTimeSpan(s_period) }).ResponseAsync.DefaultTimeout();

        Assert.NotEqual(0, await console.WaitForExitAsync());
        var reason = $"You were disconnected by the room's operator: spam. The name {name} is held until {server.TimeIn(s_period)} UTC.";
        Assert.Equal([$"! {reason}"], console.Lines.Where(line => line.Contains(reason, StringComparison.Ordinal)));
        Assert.DoesNotContain(console.Lines, line => line.Contains("reconnect", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Bot_Disconnected_LogsItOnce_AndJoinsAgainUnderItsName_WhenTheHoldEnds()
    {
        var name = UniqueName.For("bot");
        await using var bot = ProjectProcess.Start("AspireChat.BotClient", [], new Dictionary<string, string>
        {
            ["Bot__Name"] = name,
            ["Bot__RejoinDelay"] = "00:00:00.200",
            ["Bot__Script__0__Say"] = "still here",
            ["Bot__Script__0__Pause"] = "00:00:00.200",
            ["ChatClient__Server"] = server.GrpcAddress.ToString(),
        });
        await OnlineUsers.WaitUntilListeningAsync(server.GrpcAddress, name);

        await server.Admin.DisconnectAsync(new DisconnectRequest { Username = name, Reason = "spam", HoldFor = Duration.FromTimeSpan(s_period) }).ResponseAsync.DefaultTimeout();
        await bot.WaitForLineAsync(line => line.Contains($"The username {name} is held by the room's operator", StringComparison.Ordinal), "a try while the name is held");
        server.Clock.Advance(s_period + TimeSpan.FromSeconds(1));

        await OnlineUsers.WaitUntilListeningAsync(server.GrpcAddress, name);
        Assert.Single(bot.Lines, line => line.Contains($"Bot {name} was disconnected by the room's operator: You were disconnected by the room's operator: spam.", StringComparison.Ordinal));
    }
}
