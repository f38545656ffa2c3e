using System.Diagnostics;
using AspireChat.Testing;

namespace AspireChat.Bench.Tests;

// A test that runs a Python grpcio server. Debian's python3-grpcio is installed when
// /usr/bin/python3 cannot import grpc; where it cannot be installed (no root), the test is
// skipped, saying why.
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
        try
        {
            DebianPackages.Require("python3-grpcio", ImportsGrpc, "the grpcio server test");
            return null;
        }
        catch (InvalidOperationException ex)
        {
            return ex.Message;
        }
    }

    private static bool ImportsGrpc()
    {
        if (!File.Exists(Python))
        {
            return false;
        }
        using var check = Process.Start(new ProcessStartInfo(Python, ["-c", "import grpc"]) { RedirectStandardError = true, UseShellExecute = false })!;
        check.StandardError.ReadToEnd();
        return check.WaitForExit(TimeoutExtensions.DefaultTimeoutSpan) && check.ExitCode == 0;
    }
}
