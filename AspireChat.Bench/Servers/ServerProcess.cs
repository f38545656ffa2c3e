using System.Diagnostics;
using System.Globalization;

namespace AspireChat.Bench.Servers;

// The server under load, when the bench knows its processes: CPU time and resident memory,
// summed over them (a scaled-out server is several: its replicas and redis-server).
internal sealed class ServerProcess(params IReadOnlyList<int> processIds)
{
    // A server given by --server-pid, or one the bench knows nothing of.
    public static ServerProcess Optional(int? processId) => processId is { } id ? new(id) : new();

    // Null when any of its processes has gone: a partial sum would understate the cost.
    public TimeSpan? CpuTime()
    {
        if (processIds.Count == 0)
        {
            return null;
        }
        var total = TimeSpan.Zero;
        foreach (var id in processIds)
        {
            if (CpuTimeOf(id) is not { } cpu)
            {
                return null;
            }
            total += cpu;
        }
        return total;
    }

    // VmRSS from /proc: what the processes hold in memory now.
    public long? ResidentBytes()
    {
        if (processIds.Count == 0)
        {
            return null;
        }
        long total = 0;
        foreach (var id in processIds)
        {
            if (ResidentBytesOf(id) is not { } bytes)
            {
                return null;
            }
            total += bytes;
        }
        return total;
    }

    private static TimeSpan? CpuTimeOf(int id)
    {
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

    private static long? ResidentBytesOf(int id)
    {
        var status = $"/proc/{id}/status";
        if (!File.Exists(status))
        {
            return null;
        }
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
