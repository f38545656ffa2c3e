using System.Collections.Concurrent;
using System.Diagnostics;

namespace AspireChat.Testing;

// The Debian packages some fixtures run (redis-server, chromium, python3-grpcio), installed the
// first time a test in this process needs one, through eng/apt-install.sh (as root or with
// passwordless sudo). Building the tests installs nothing.
public static class DebianPackages
{
    // apt-get may download a browser: far longer than any test deadline, but still bounded.
    private static readonly TimeSpan s_installTimeout = TimeSpan.FromMinutes(10);

    // One apt-get at a time (dpkg holds a lock), and one try per package and process.
    private static readonly Lock s_install = new();
    private static readonly ConcurrentDictionary<string, string> s_failures = new();

    // Returns once isInstalled holds, installing the package first when it does not; throws,
    // saying what to run, when it cannot be installed here.
    public static void Require(string package, Func<bool> isInstalled, string neededFor)
    {
        if (isInstalled())
        {
            return;
        }
        lock (s_install)
        {
            if (!isInstalled() && !s_failures.ContainsKey(package))
            {
                s_failures[package] = Install(package, neededFor);
            }
        }
        if (!isInstalled())
        {
            throw new InvalidOperationException(
                $"Debian's {package} is missing and could not be installed for {neededFor}: {s_failures.GetValueOrDefault(package)} " +
                $"Install it (sudo apt-get install {package}) or run eng/install-test-dependencies.sh as root.");
        }
    }

    // What the install script said on error, for the failure message.
    private static string Install(string package, string neededFor)
    {
        var script = Path.Combine(BuiltProject.RepositoryRoot, "eng", "apt-install.sh");
        using var install = Process.Start(new ProcessStartInfo("bash", [script, neededFor, package])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var output = install.StandardOutput.ReadToEndAsync();
        var error = install.StandardError.ReadToEndAsync();
        if (!install.WaitForExit(s_installTimeout))
        {
            install.Kill(entireProcessTree: true);
            return $"apt-get did not finish within {s_installTimeout.TotalMinutes} minutes.";
        }
        Task.WaitAll([output, error], TimeoutExtensions.DefaultTimeoutSpan);
        return error.Result.Trim();
    }
}
