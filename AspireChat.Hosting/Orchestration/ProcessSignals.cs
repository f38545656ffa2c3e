using System.Runtime.InteropServices;

namespace AspireChat.Hosting.Orchestration;

// POSIX signals for child processes: SIGTERM asks a .NET host to stop gracefully; Process.Kill
// only knows SIGKILL.
internal static partial class ProcessSignals
{
    private const int SigTerm = 15;
    private const int SigKill = 9;

    // A child that leads its own process group is signalled as a group, so that nothing it
    // started survives it.
    public static void Terminate(int processId, bool isGroupLeader) => Send(processId, SigTerm, isGroupLeader);

    public static void Kill(int processId, bool isGroupLeader) => Send(processId, SigKill, isGroupLeader);

    private static void Send(int processId, int signal, bool isGroupLeader)
    {
        if (OperatingSystem.IsWindows())
        {
            // No signals on Windows: stopping there is always forcible.
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(processId);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                // Already gone.
            }
            return;
        }
        // ESRCH (nothing left to signal) is the outcome wanted anyway.
        _ = SendSignal(isGroupLeader ? -processId : processId, signal);
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int SendSignal(int processId, int signal);
}
