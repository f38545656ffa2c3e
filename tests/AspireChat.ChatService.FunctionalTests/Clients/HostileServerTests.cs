using AspireChat.Testing;

namespace AspireChat.ChatService.FunctionalTests.Clients;

// The console client against a server that puts escape sequences in every string it sends: none
// reaches the terminal as anything but visible text, and none starts a line at column 0.
public sealed class HostileServerTests
{
    private const string ShownInert = @"\x1b]0;pwned\x07\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J\x1b[H<U+202E>\x9b31m";

    [Fact]
    public async Task ConsoleClient_ShowsEveryStringFromTheServer_Inert()
    {
        await using var server = await GrpcTestServer.StartAsync(new HostileChatService());
        await using var console = ConsoleClientProcess.Start(server.Address, "eve");

        await console.WaitForLineAsync(line => line.StartsWith("! taken", StringComparison.Ordinal), "the refusal of the first name");
        await console.WriteLineAsync("eve");
        await console.WaitForLineAsync(line => line.StartsWith("* connected", StringComparison.Ordinal), "the connected line");
        await console.WaitForLineAsync(line => line.StartsWith("mallory", StringComparison.Ordinal) && line.Contains(" → you: psst", StringComparison.Ordinal), "the direct message");
        await console.WriteLineAsync("/who");
        await console.WaitForLineAsync(line => line.StartsWith("* online:", StringComparison.Ordinal), "the /who answer");
        foreach (var text in (string[])["refused", "failed", "unavailable"])
        {
            await console.WriteLineAsync(text);
        }
        await console.WaitForLineAsync(line => line.StartsWith("! not sent: away", StringComparison.Ordinal), "the last refusal");

        var lines = console.Lines;
        Assert.DoesNotContain(lines, line => line.IndexOfAny(['\u001b', '\u0007', '\u009b', '\u202e']) >= 0);
        Assert.DoesNotContain(lines, line => line.StartsWith("alice", StringComparison.Ordinal));
        string[] shown =
        [
            "! taken" + ShownInert,                       // AddUser's msg
            "* connected to ",                            // the stored username
            "* mallory" + ShownInert,                     // a sender, in a presence notice
            "mallory" + ShownInert,                       // a sender, and the text of a message
            "* online: eve" + ShownInert,                 // /who names
            "! refused" + ShownInert,                     // a send's refusal
            "! not sent: detail" + ShownInert,            // an RPC error's detail
            "! not sent: away" + ShownInert,              // the detail of the service's own UNAVAILABLE
        ];
        Assert.All(shown, start => Assert.Contains(lines, line => line.StartsWith(start, StringComparison.Ordinal) && line.Contains(ShownInert, StringComparison.Ordinal)));
        Assert.Contains(lines, line => line.StartsWith("  | alice: forged by", StringComparison.Ordinal));
    }
}
