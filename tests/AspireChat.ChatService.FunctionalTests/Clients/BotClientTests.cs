using AspireChat.Protocol;
using AspireChat.Testing;

namespace AspireChat.ChatService.FunctionalTests.Clients;

public sealed class BotClientTests(ChatServiceFactory server) : IClassFixture<ChatServiceFactory>
{
    [Fact]
    public async Task Bot_SaysItsScript_InOrder()
    {
        await using var tester = await ChatTestClient.RegisterAsync(server, UniqueName.For("tester"));
        await using var listens = await tester.ListenAsync();
        var botName = UniqueName.For("scripted");

        await using var bot = StartBot(botName, ["one", "two", "three"], loops: 1);

        var heard = new List<string>();
        while (heard.Count < 3)
        {
            var message = await listens.NextAsync();
            if (message.User.Username == botName)
            {
                heard.Add(message.Msg);
            }
        }
        Assert.Equal(["one", "two", "three"], heard);
    }

    [Fact]
    public async Task Bot_AnswersADirectPing_WithAPong()
    {
        await using var tester = await ChatTestClient.RegisterAsync(server, UniqueName.For("tester"));
        await using var listens = await tester.ListenAsync();
        var botName = UniqueName.For("pinged");
        await using var bot = StartBot(botName, ["hello"], loops: 1);
        await OnlineUsers.WaitUntilListeningAsync(server.GrpcAddress, botName);

        await tester.SendAsync($"@{botName} ping");

        Message pong;
        do
        {
            pong = await listens.NextAsync();
        }
        while (pong.User.Username != botName || pong.Recipient is null);
        Assert.Equal($"@{tester.Username} pong", pong.Msg);
        Assert.Equal(tester.Username, pong.Recipient.Username);
    }

    // The bot applies the service's own @name rule (any Unicode whitespace
    // after the name), so a ping the service delivers privately is a ping to the bot too.
    [Fact]
    public async Task Bot_AnswersAPing_SeparatedByAnIdeographicSpace()
    {
        await using var tester = await ChatTestClient.RegisterAsync(server, UniqueName.For("tester"));
        await using var listens = await tester.ListenAsync();
        var botName = UniqueName.For("pinged");
        await using var bot = StartBot(botName, ["hello"], loops: 1);
        await OnlineUsers.WaitUntilListeningAsync(server.GrpcAddress, botName);

        var sent = await tester.SendAsync($"@{botName}\u3000ping");

        Assert.Equal(MessageResponse.Types.Code.Sent, sent.Code);
        Message pong;
        do
        {
            pong = await listens.NextAsync();
        }
        while (pong.User.Username != botName || pong.Recipient is null);
        Assert.Equal($"@{tester.Username} pong", pong.Msg);
    }

    // A name with no script shipped for it: one line that says what to set, no stack trace.
    [Fact]
    public async Task Bot_WithoutAScript_StopsWithOneClearLine()
    {
        var name = UniqueName.For("scriptless");
        await using var bot = StartBot(name, [], loops: 1);

        Assert.Equal(1, await bot.WaitForExitAsync());
        var said = Assert.Single(bot.Lines, line => line.Length > 0);
        Assert.Equal($"The bot cannot start: The bot {name} has no script: give it lines to say (Bot__Script__0__Say=hello), or use a name with a script of its own (alice, bob).", said);
    }

    private ProjectProcess StartBot(string name, string[] script, int loops)
    {
        var environment = new Dictionary<string, string>
        {
            ["Bot__Name"] = name,
            ["Bot__Loops"] = $"{loops}",
            ["Bot__LoopPause"] = "00:00:00.100",
            ["ChatClient__Server"] = server.GrpcAddress.ToString(),
        };
        for (var i = 0; i < script.Length; i++)
        {
            environment[$"Bot__Script__{i}__Say"] = script[i];
            environment[$"Bot__Script__{i}__Pause"] = "00:00:00.100";
        }
        return ProjectProcess.Start("AspireChat.BotClient", [], environment);
    }
}
