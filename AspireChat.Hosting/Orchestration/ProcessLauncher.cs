using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace AspireChat.Hosting.Orchestration;

// Starts resource processes so that none outlives the AppHost. On Linux each child runs in its
// own session (Ctrl+C in the AppHost's terminal reaches only the AppHost, which stops the
// children in order) with a parent-death signal: if the AppHost dies, even by SIGKILL, the
// kernel kills the child. That signal fires when the *thread* that forked the child ends, so
// every child is forked from one dedicated thread that lives as long as the launcher.
internal sealed class ProcessLauncher : IDisposable
{
    private readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Started)> _requests = [];
    private readonly Thread _thread;

    public ProcessLauncher(ILogger<ProcessLauncher> logger)
    {
        IsolatesChildren = OperatingSystem.IsLinux() && File.Exists("/usr/bin/setsid") && File.Exists("/usr/bin/setpriv");
        if (!IsolatesChildren)
        {
            HostingLog.ChildrenNotIsolated(logger);
        }
        _thread = new Thread(Run) { IsBackground = true, Name = "AspireChat process launcher" };
        _thread.Start();
    }

    // Whether each child leads its own process group and dies with the AppHost.
    public bool IsolatesChildren { get; }

    public Task<Process> StartAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (IsolatesChildren)
        {
            // Each execs the next, so the process id is the resource's own.
            info.FileName = "/usr/bin/setsid";
            foreach (var argument in new[] { "/usr/bin/setpriv", "--pdeathsig", "KILL", "--", fileName })
            {
                info.ArgumentList.Add(argument);
            }
        }
        else
        {
            info.FileName = fileName;
        }
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests.Add((info, started));
        return started.Task;
    }

    public void Dispose()
    {
        _requests.CompleteAdding();
        _thread.Join();
        _requests.Dispose();
    }

    private void Run()
    {
        foreach (var (info, started) in _requests.GetConsumingEnumerable())
        {
            var process = new Process { StartInfo = info, EnableRaisingEvents = true };
            try
            {
                process.Start();
                started.SetResult(process);
            }
            catch (Exception ex)
            {
                process.Dispose();
                started.SetException(ex);
            }
        }
    }
}
