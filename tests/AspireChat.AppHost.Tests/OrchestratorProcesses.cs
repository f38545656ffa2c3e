namespace AspireChat.AppHost.Tests;

// The processes of Aspire's orchestrator (DCP) and all their descendants, found through /proc.
public static class OrchestratorProcesses
{
    public static IReadOnlySet<int> Running()
    {
        var parents = ParentsOfAll();
        var roots = parents.Keys.Where(id => CommandLineOf(id).Contains("aspire.hosting.orchestration")).ToHashSet();
        return parents.Keys.Where(id => roots.Contains(id) || HasAncestorIn(id, roots, parents)).ToHashSet();
    }

    // Those running now that were not running before.
    public static IReadOnlySet<int> StartedSince(IReadOnlySet<int> before) => Running().Except(before).ToHashSet();

    public static IReadOnlyList<int> ChildrenOf(int processId) =>
        [.. ParentsOfAll().Where(p => p.Value == processId).Select(p => p.Key)];

    public static string CommandLineOf(int processId)
    {
        try
        {
            return File.ReadAllText($"/proc/{processId}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static bool HasAncestorIn(int id, HashSet<int> roots, Dictionary<int, int> parents)
    {
        for (var current = id; parents.TryGetValue(current, out var parent) && parent > 1; current = parent)
        {
            if (roots.Contains(parent))
            {
                return true;
            }
        }
        return false;
    }

    private static Dictionary<int, int> ParentsOfAll()
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var id) && ParentOf(id) is { } parent)
            {
                parents[id] = parent;
            }
        }
        return parents;
    }

    private static int? ParentOf(int id)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{id}/stat");
            // pid (comm) state ppid ...: the name may hold spaces and parentheses, so read after the last ')'.
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
