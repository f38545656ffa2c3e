namespace AspireChat.Testing;

public static class ConsoleClientProcess
{
    // The console client as a person starts it, stdin redirected (plain line mode).
    // Settings are environment variables added to those (ChatClient__KeepAlivePingDelay ...).
    public static ProjectProcess Start(Uri server, string? username = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        List<string> arguments = ["--server", server.ToString()];
        if (username is not null)
        {
            arguments.AddRange(["--user", username]);
        }
        var environment = new Dictionary<string, string>
        {
            // Reconnect quickly in tests; the backoff still doubles from here.
            ["ChatClient__ReconnectMinDelay"] = "00:00:00.100",
            ["ChatClient__ReconnectMaxDelay"] = "00:00:01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        return ProjectProcess.Start("AspireChat.ConsoleClient", arguments, environment);
    }
}
