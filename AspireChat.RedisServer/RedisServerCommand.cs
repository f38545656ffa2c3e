namespace AspireChat.RedisServer;

/// <summary>Debian's <c>redis-server</c>, as the scale-out run, the bench and the tests start it.</summary>
public static class RedisServerCommand
{
    /// <summary>The executable's file name.</summary>
    public const string FileName = "redis-server";

    /// <summary>Its full path: on PATH, or where Debian's package puts it; null when it is not installed.</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(directory => Path.Combine(directory, FileName))
            .FirstOrDefault(File.Exists);

    /// <summary>
    /// Its arguments: in the foreground and logging to standard output (its owner reads and shows
    /// the log), on loopback only, its data in <paramref name="dataDirectory"/>, every write
    /// fsynced to the append-only file before it is answered, and no snapshots. A message the chat
    /// answered SENT is then on disk: it survives redis-server being killed, or the machine losing
    /// power.
    /// </summary>
    public static IReadOnlyList<string> Arguments(string port, string dataDirectory) =>
    [
        "--port", port,
        "--bind", "127.0.0.1",
        "--daemonize", "no",
        "--logfile", "",
        "--dir", dataDirectory,
        "--appendonly", "yes",
        "--appendfsync", "always",
        "--save", "",
    ];
}
