using System.ComponentModel;
using System.Diagnostics;

namespace Aspire.Hosting;

// Debian's redis-server, the scale-out run's backplane (no container runtime here for AddRedis):
// found on PATH, else installed by the repository's own eng/install-redis.sh.
internal static class RedisServer
{
    private const string Executable = "redis-server";

    public const string Missing = "The scale-out run (--replicas) needs Debian's redis-server, which is not installed: sudo apt-get install -y redis-server, then start again.";

    // Its full path, or null when it is neither installed nor installable here.
    public static string? FindOrInstall(string appHostDirectory) =>
        Find() ?? (Install(appHostDirectory) ? Find() : null);

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, Executable))
            .FirstOrDefault(File.Exists);

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
