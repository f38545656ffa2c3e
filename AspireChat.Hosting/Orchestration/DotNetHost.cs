using System.Runtime.InteropServices;

namespace AspireChat.Hosting.Orchestration;

// The dotnet host that runs the AppHost, by full path: resources run on the same installation,
// whatever PATH holds (an SDK installed in ~/.dotnet, an older dotnet first on PATH).
internal static class DotNetHost
{
    private static readonly string s_fileName = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

    public static string FilePath { get; } = Find();

    private static string Find()
    {
        if (Environment.ProcessPath is { } current && Path.GetFileName(current) == s_fileName)
        {
            return current;
        }
        // <root>/shared/Microsoft.NETCore.App/<version>/ holds the runtime; <root>/dotnet is the host.
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = Path.Combine(root, s_fileName);
        return File.Exists(host) ? host : s_fileName;
    }
}
