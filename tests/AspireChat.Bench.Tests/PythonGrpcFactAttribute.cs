using System.Diagnostics;

namespace AspireChat.Bench.Tests;

// A test that runs a Python grpcio server: skipped, saying why, when Debian's /usr/bin/python3
// cannot import grpc (the test command installs it: eng/install-test-dependencies.sh, as root).
public sealed class PythonGrpcFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> s_missing = new(FindProblem);

    public PythonGrpcFactAttribute()
    {
        if (s_missing.Value is { } problem)
        {
            Skip = problem;
        }
    }

    private static string? FindProblem()
    {
        if (!File.Exists(Python))
        {
            return $"{Python} is missing: install Debian's python3 and python3-grpcio (eng/install-test-dependencies.sh).";
        }
        using var check = Process.Start(new ProcessStartInfo(Python, ["-c", "import grpc"]) { RedirectStandardError = true, UseShellExecute = false })!;
        check.StandardError.ReadToEnd();
        return check.WaitForExit(TimeoutExtensions.DefaultTimeoutSpan) && check.ExitCode == 0
            ? null
            : $"{Python} cannot import grpc: run eng/install-test-dependencies.sh as root (apt-get install python3-grpcio).";
    }
}
