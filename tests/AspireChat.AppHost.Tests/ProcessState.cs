using AspireChat.Testing;

namespace AspireChat.AppHost.Tests;

// What the operating system says about a process the app started.
public static class ProcessState
{
    // Gone, or a zombie that has exited and waits only to be reaped.
    public static bool IsGone(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return true;
        }
    }

    public static Task WaitUntilGoneAsync(IEnumerable<int> processIds) =>
        TimeoutExtensions.WaitUntilAsync(() => Task.FromResult(processIds.All(IsGone)), $"processes {string.Join(", ", processIds)} are gone");
}
