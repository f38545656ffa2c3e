using AspireChat.Testing;

namespace AspireChat.ChatService.FunctionalTests.Clients;

// A bot in a room whose operator announces, mutes and disconnects (a scripted server of the
// contract): it logs each once, keeps to its script, and joins again when its name is free.
public sealed class BotClientOperatorTests
{
    [Fact]
    public async Task Bot_Muted_LogsTheRefusalOnce_AndDisconnected_JoinsAgainUnderItsName()
    {
        var service = new OperatorChatService(OperatorChatService.Held("scripted"));
        await using var server = await GrpcTestServer.StartAsync(service);
        await using var bot = StartBot(server.Address, "scripted");

        await TimeoutExtensions.WaitUntilAsync(() => Task.FromResult(service.Sends >= 3 && service.Listens == 1), "three lines refused while listening");
        service.Disconnect();
        await service.Relistened.DefaultTimeout();

        var lines = bot.Lines;
        Assert.Contains(lines, line => line.Contains($"Bot scripted heard the room announce: {OperatorChatService.Announcement}", StringComparison.Ordinal));
        Assert.Single(lines, line => line.Contains(OperatorChatService.MutedReason, StringComparison.Ordinal));
        Assert.Single(lines, line => line.Contains($"Bot scripted was disconnected by the room's operator: {OperatorChatService.Reason("scripted")}", StringComparison.Ordinal));
        Assert.Single(lines, line => line.Contains("is held by the room's operator", StringComparison.Ordinal));
        Assert.Equal(3, service.AddUsers);
    }

    private static ProjectProcess StartBot(Uri server, string name) => ProjectProcess.Start("AspireChat.BotClient", [], new Dictionary<string, string>
    {
        ["Bot__Name"] = name,
        ["Bot__LoopPause"] = "00:00:00.050",
        ["Bot__RejoinDelay"] = "00:00:00.200",
        ["Bot__Script__0__Say"] = "hello",
        ["Bot__Script__0__Pause"] = "00:00:00.050",
        ["ChatClient__Server"] = server.ToString(),
    });
}
