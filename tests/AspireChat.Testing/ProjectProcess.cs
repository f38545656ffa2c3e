using System.Diagnostics;

namespace AspireChat.Testing;

// A project of this solution run as a real process, stdin and stdout redirected: the test types
// and reads as a person or a script would.
public sealed class ProjectProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private TaskCompletionSource _lineAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ProjectProcess(Process process) => _process = process;

    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) { return [.. _lines]; } }
    }

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    // The CPU time the process has used so far, user and system.
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    // Runs in the project's output directory unless workingDirectory says otherwise.
    public static ProjectProcess Start(string project, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var dll = BuiltProject.DllPath(project);
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(dll)!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var started = new ProjectProcess(process);
        process.OutputDataReceived += (_, e) => started.Add(e.Data);
        process.ErrorDataReceived += (_, e) => started.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line).DefaultTimeout();
        await _process.StandardInput.FlushAsync().DefaultTimeout();
    }

    public void CloseInput() => _process.StandardInput.Close();

    // SIGTERM, as a service manager (or the AppHost) stops a process.
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync().DefaultTimeout();
    }

    // Polls GET health until it succeeds; fails at once, with the output, if the process exits.
    public async Task WaitUntilHealthyAsync(Uri health, string name)
    {
        using var http = new HttpClient();
        await TimeoutExtensions.WaitUntilAsync(async () =>
        {
            try
            {
                using var response = await http.GetAsync(health);
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return !HasExited ? false : throw new InvalidOperationException($"{name} exited:{Environment.NewLine}{string.Join(Environment.NewLine, Lines)}");
            }
        }, $"{name} is healthy");
    }

    // SIGKILL for this process alone: it gets no chance to clean up.
    public void Kill() => _process.Kill(entireProcessTree: false);

    public async Task<string> WaitForLineAsync(Func<string, bool> match, string what, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeoutExtensions.DefaultTimeoutSpan);
        while (true)
        {
            Task added;
            lock (_lines)
            {
                if (_lines.FirstOrDefault(match) is { } line)
                {
                    return line;
                }
                added = _lineAdded.Task;
            }
            try
            {
                await added.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting for {what}. Output so far:{Environment.NewLine}{string.Join(Environment.NewLine, Lines)}");
            }
        }
    }

    public Task<string> WaitForLineAsync(string exactLine) => WaitForLineAsync(line => line == exactLine, $"the line '{exactLine}'");

    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout ?? TimeoutExtensions.DefaultTimeoutSpan);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().DefaultTimeout();
        }
        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }
        TaskCompletionSource added;
        lock (_lines)
        {
            _lines.Add(line);
            added = _lineAdded;
            _lineAdded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        added.TrySetResult();
    }
}
