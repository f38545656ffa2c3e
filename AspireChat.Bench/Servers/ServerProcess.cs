using System.Diagnostics;

namespace AspireChat.Bench.Servers;

// The server under load, when the bench knows its process: CPU time and resident memory.
internal sealed class ServerProcess(int? processId)
{
    public bool IsKnown => processId is not null;

    public TimeSpan? CpuTime()
    {
        if (processId is not { } id)
        {
            return null;
        }
        try
        {
            using var process = Process.GetProcessById(id);
            return process.TotalProcessorTime;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // The process has gone.
            return null;
        }
    }

    // VmRSS from /proc: what the process holds in memory now.
    public long? ResidentBytes()
    {
        if (processId is not { } id || !File.Exists($"/proc/{id}/status"))
        {
            return null;
        }
        var line = File.ReadLines($"/proc/{id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
