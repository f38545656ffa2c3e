using System.Globalization;
using AspireChat.Bench.Servers;

namespace AspireChat.Bench.Web;

// The processes the browser side runs as, read from /proc: every descendant of this program but
// the servers' process trees, told apart as Chromium's renderers (the pages), Chromium's other
// processes (browser, GPU, network, zygotes) and Playwright's driver (node).
internal sealed record BrowserProcesses(ServerProcess Renderers, ServerProcess Chromium, ServerProcess Driver)
{
    public static BrowserProcesses Now(params int[] servers)
    {
        var ids = Descendants(servers);
        var renderers = ids.Where(id => CommandLine(id).Contains("--type=renderer", StringComparison.Ordinal)).ToList();
        var driver = ids.Where(id => !renderers.Contains(id) && !CommandLine(id).Contains("chromium", StringComparison.Ordinal)).ToList();
        return new(new(renderers), new([.. ids.Except(renderers).Except(driver)]), new(driver));
    }

    private static string CommandLine(int id)
    {
        try
        {
            return File.ReadAllText($"/proc/{id}/cmdline").Replace('\0', ' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static List<int> Descendants(int[] servers)
    {
        var parents = ParentsById();
        bool Under(int id, int root)
        {
            for (var at = id; at > 1; at = parents.GetValueOrDefault(at))
            {
                if (at == root)
                {
                    return true;
                }
            }
            return false;
        }
        var self = Environment.ProcessId;
        return [.. parents.Keys.Where(id => id != self && Under(id, self) && !servers.Any(server => Under(id, server)))];
    }

    private static Dictionary<int, int> ParentsById()
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && ParentOf(directory) is { } parent)
            {
                parents[id] = parent;
            }
        }
        return parents;
    }

    // The fourth field of /proc/<id>/stat, after the command name in parentheses.
    private static int? ParentOf(string directory)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(directory, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
        {
            // The process has gone.
            return null;
        }
    }
}
