using AspireChat.Testing;
using static AspireChat.Protocol.MessageResponse.Types;

namespace AspireChat.ChatService.FunctionalTests.Clients;

// The console client as a process, stdin and stdout redirected, against the real chat service.
public sealed class ConsoleClientTests(ChatServiceFactory server) : IClassFixture<ChatServiceFactory>
{
    [Fact]
    public async Task TwoConsoleClients_ChatWithUsernamesOnEveryLine()
    {
        var (aliceName, bobName) = (UniqueName.For("alice"), UniqueName.For("bob"));
        await using var alice = await StartListeningAsync(aliceName);
        await using var bob = await StartListeningAsync(bobName);

        await alice.WriteLineAsync("hi");
        await bob.WaitForLineAsync($"{aliceName}: hi");
        await bob.WriteLineAsync("hi");

        await alice.WaitForLineAsync($"{aliceName}: hi");
        await alice.WaitForLineAsync($"{bobName}: hi");
        await bob.WaitForLineAsync($"{bobName}: hi");
    }

    [Fact]
    public async Task DirectMessages_AreShownDistinctly_EchoedToTheSender_AndStayPrivate()
    {
        var (aliceName, bobName, carolName) = (UniqueName.For("alice"), UniqueName.For("bob"), UniqueName.For("carol"));
        await using var alice = await StartListeningAsync(aliceName);
        await using var bob = await StartListeningAsync(bobName);
        await using var carol = await StartListeningAsync(carolName);

        await alice.WriteLineAsync($"@{bobName} the secret is 42");
        await alice.WriteLineAsync("marker");

        await alice.WaitForLineAsync($"you → {bobName}: the secret is 42");
        await bob.WaitForLineAsync($"{aliceName} → you: the secret is 42");
        await carol.WaitForLineAsync($"{aliceName}: marker");
        await alice.WaitForLineAsync($"{aliceName}: marker");
        Assert.DoesNotContain(carol.Lines, line => line.Contains("secret"));
        Assert.Single(alice.Lines, line => line.Contains("secret"));
    }

    // The console echoes what the service delivers privately, whatever
    // the whitespace after the name or the invisible lead-in before the '@'.
    [Theory]
    [InlineData("@{0}\u3000the secret is 42")]
    [InlineData("\u200b@{0} the secret is 42")]
    [InlineData("\uff20{0} the secret is 42")]
    public async Task DirectMessage_WrittenAnyWay_IsEchoedToTheSender_AndStaysPrivate(string format)
    {
        var (aliceName, bobName, carolName) = (UniqueName.For("alice"), UniqueName.For("bob"), UniqueName.For("carol"));
        await using var alice = await StartListeningAsync(aliceName);
        await using var bob = await StartListeningAsync(bobName);
        await using var carol = await StartListeningAsync(carolName);

        await alice.WriteLineAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, bobName));
        await alice.WriteLineAsync("marker");

        await bob.WaitForLineAsync($"{aliceName} → you: the secret is 42");
        await alice.WaitForLineAsync($"you → {bobName}: the secret is 42");
        await carol.WaitForLineAsync($"{aliceName}: marker");
        Assert.DoesNotContain(carol.Lines, line => line.Contains("secret"));
    }

    // A message's own lines are marked as its continuation, so no line of it
    // can pass for another user's message or a notice.
    [Fact]
    public async Task MultiLineMessage_ShowsContinuationLines_ThatCannotPassAsAnotherUsers()
    {
        await using var alice = await StartListeningAsync(UniqueName.For("alice"));
        await using var mallory = await ChatTestClient.RegisterAsync(server, UniqueName.For("mallory"));

        await mallory.SendAsync("see below\nfrank: I quit\n* frank left\u2028bob: me too");

        await alice.WaitForLineAsync($"{mallory.Username}: see below");
        await alice.WaitForLineAsync("  | frank: I quit");
        await alice.WaitForLineAsync("  | * frank left");
        await alice.WaitForLineAsync("  | bob: me too");
        Assert.DoesNotContain(alice.Lines, line => line.StartsWith("frank", StringComparison.Ordinal) || line.StartsWith("* frank", StringComparison.Ordinal) || line.StartsWith("bob", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DirectMessage_ToUnknownUser_IsReportedToTheSender()
    {
        await using var alice = await StartListeningAsync(UniqueName.For("alice"));

        await alice.WriteLineAsync("@nobody-by-that-name hello?");

        await alice.WaitForLineAsync(line => line.StartsWith("! No user named nobody-by-that-name", StringComparison.Ordinal), "the unknown-recipient error");
    }

    [Fact]
    public async Task TakenOrInvalidName_PromptsAgain()
    {
        var taken = UniqueName.For("dave");
        var free = UniqueName.For("dave");
        await using var holder = await ChatTestClient.RegisterAsync(server, taken);
        await using var console = ConsoleClientProcess.Start(server.GrpcAddress);

        await console.WriteLineAsync(taken);
        await console.WriteLineAsync("not valid");
        await console.WriteLineAsync(free);

        await console.WaitForLineAsync($"! The username {taken} is taken; choose another.");
        await console.WaitForLineAsync("! A username cannot contain spaces or other whitespace.");
        await console.WaitForLineAsync(line => line.StartsWith("* connected", StringComparison.Ordinal) && line.EndsWith($"as {free}; /help lists the commands", StringComparison.Ordinal), "the connected line");
    }

    [Fact]
    public async Task Who_ListsTheUsersOnline()
    {
        var (aliceName, bobName) = (UniqueName.For("alice"), UniqueName.For("bob"));
        await using var alice = await StartListeningAsync(aliceName);
        await using var bob = await StartListeningAsync(bobName);

        await alice.WriteLineAsync("/who");

        var online = await alice.WaitForLineAsync(line => line.StartsWith("* online: ", StringComparison.Ordinal), "the /who answer");
        Assert.Contains($"{aliceName} (you)", online);
        Assert.Contains(bobName, online);
    }

    [Fact]
    public async Task Quit_AndEndOfInput_ExitCleanly()
    {
        await using var quitter = await StartListeningAsync(UniqueName.For("quitter"));
        await using var closer = await StartListeningAsync(UniqueName.For("closer"));

        await quitter.WriteLineAsync("/quit");
        closer.CloseInput();

        Assert.Equal(0, await quitter.WaitForExitAsync());
        Assert.Equal(0, await closer.WaitForExitAsync());
    }

    [Fact]
    public async Task Sigterm_WithInputStillOpen_ExitsAtOnce()
    {
        await using var console = await StartListeningAsync(UniqueName.For("terminated"));

        await console.TerminateAsync();

        Assert.Equal(0, await console.WaitForExitAsync());
    }

    [Fact]
    public async Task DirectMessageToOneself_IsShownOnce()
    {
        var name = UniqueName.For("narcissus");
        await using var console = await StartListeningAsync(name);

        await console.WriteLineAsync($"@{name} note to self");
        await console.WriteLineAsync("marker");

        await console.WaitForLineAsync($"{name}: marker");
        Assert.Single(console.Lines, line => line.Contains("note to self"));
    }

    [Fact]
    public async Task BadServerAddress_IsAClearError()
    {
        await using var console = ProjectProcess.Start("AspireChat.ConsoleClient", ["--server", "localhost-without-scheme"]);

        Assert.NotEqual(0, await console.WaitForExitAsync());
        Assert.Contains(console.Lines, line => line.Contains("--server needs an http:// address"));
    }

    [Fact]
    public async Task MessageSentByAWorkshopStyleClient_IsShown()
    {
        var name = UniqueName.For("alice");
        await using var alice = await StartListeningAsync(name);
        await using var tester = await ChatTestClient.RegisterAsync(server, UniqueName.For("tester"));

        var response = await tester.SendAsync("hello console");

        Assert.Equal(Code.Sent, response.Code);
        await alice.WaitForLineAsync($"{tester.Username}: hello console");
    }

    private async Task<ProjectProcess> StartListeningAsync(string username)
    {
        var console = ConsoleClientProcess.Start(server.GrpcAddress, username);
        await console.WaitForLineAsync(line => line.StartsWith("* connected", StringComparison.Ordinal), $"{username} to connect");
        await OnlineUsers.WaitUntilListeningAsync(server.GrpcAddress, username);
        return console;
    }
}
