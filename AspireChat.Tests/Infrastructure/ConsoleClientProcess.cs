namespace AspireChat.Tests.Infrastructure;

public static class ConsoleClientProcess
{
    // The console client as a person starts it, stdin redirected (plain line mode).
    public static ProjectProcess Start(Uri server, string? username = null)
    {
        List<string> arguments = ["--server", server.ToString()];
        if (username is not null)
        {
            arguments.AddRange(["--user", username]);
        }
        return ProjectProcess.Start("AspireChat.ConsoleClient", arguments, new Dictionary<string, string>
        {
            // Reconnect quickly in tests; the backoff still doubles from here.
            ["ChatClient__ReconnectMinDelay"] = "00:00:00.100",
            ["ChatClient__ReconnectMaxDelay"] = "00:00:01",
        });
    }
}
