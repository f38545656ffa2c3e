using System.ComponentModel;
using System.Diagnostics;
using AspireChat.RedisServer;

namespace AspireChat.AppHost.Redis;

// Debian's redis-server, found on PATH, else installed by the repository's own
// eng/install-redis.sh: the scale-out run needs nothing installed by hand first.
internal static class RedisServerInstaller
{
    public const string Missing = "The scale-out run (--replicas) needs Debian's redis-server, which is not installed: sudo apt-get install -y redis-server, then start again.";

    // Its full path, or null when it is neither installed nor installable here.
    public static string? FindOrInstall(string appHostDirectory) =>
        RedisServerCommand.Find() ?? (Install(appHostDirectory) ? RedisServerCommand.Find() : null);

    private static bool Install(string appHostDirectory)
    {
        var script = Path.GetFullPath(Path.Combine(appHostDirectory, "..", "eng", "install-redis.sh"));
        if (!File.Exists(script))
        {
            return false;
        }
        try
        {
            using var install = Process.Start(new ProcessStartInfo("bash", [script]) { UseShellExecute = false });
            install?.WaitForExit();
            return install?.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            // No bash to run it with: not installable here.
            return false;
        }
    }
}
