using System.Diagnostics;
using AspireChat.Hosting.ApplicationModel;
using AspireChat.Hosting.Logging;
using Microsoft.Extensions.Logging;

namespace AspireChat.Hosting.Orchestration;

// Runs one resource instance: waits for its dependencies, launches it, captures its output,
// polls its health, restarts it with backoff when it crashes, and stops it gracefully (SIGTERM,
// then SIGKILL after the stop timeout). One loop owns the process, so nothing races over it.
internal sealed class ResourceSupervisor(
    ResourceInstance instance,
    Func<IReadOnlyDictionary<string, string>> environmentFactory,
    ProcessLauncher launcher,
    ResourceNotificationService notifications,
    ResourceLogService logs,
    HttpClient healthClient,
    AppHostOptions options,
    ILogger logger)
{
    // How long output may keep flowing after the process has exited (a child of it may hold the pipes).
    private static readonly TimeSpan s_outputDrain = TimeSpan.FromSeconds(2);

    // Commands and the app's shutdown take turns, so a restart never races a stop.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CancellationTokenSource _stopping = new();
    private Task _run = Task.CompletedTask;
    private int _restarts;
    private bool _closed;

    public ResourceInstance Instance => instance;

    public void Start() => Launch();

    private void Launch(bool announce = false)
    {
        if (announce)
        {
            // A command's caller sees the new start at once, not the stop before it.
            Publish(s => s with { State = ResourceState.Starting, Health = null, ProcessId = null, ExitCode = null, Restarts = _restarts, Message = null });
        }
        _stopping = new CancellationTokenSource();
        var stopping = _stopping.Token;
        _run = Task.Run(() => RunAsync(stopping));
    }

    // Stops the instance for good: the app is shutting down.
    public async Task CloseAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _closed = true;
            await StopRunAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    // The dashboard's actions: stop, start, restart.
    public async Task<(bool Accepted, string Message)> ExecuteAsync(string command)
    {
        await _gate.WaitAsync();
        try
        {
            if (_closed)
            {
                return (false, "The app is shutting down.");
            }
            switch (command.ToLowerInvariant())
            {
                case "stop" when _run.IsCompleted:
                    return (false, $"{instance.Name} is not running.");
                case "stop":
                    await StopRunAsync();
                    return (true, $"{instance.Name} stopped.");
                case "start" when !_run.IsCompleted:
                    return (false, $"{instance.Name} is already running.");
                case "start":
                    Launch(announce: true);
                    return (true, $"{instance.Name} is starting.");
                case "restart":
                    await StopRunAsync();
                    _restarts++;
                    Launch(announce: true);
                    return (true, $"{instance.Name} is restarting.");
                default:
                    return (false, $"Unknown command '{command}': use stop, start or restart.");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task StopRunAsync()
    {
        await _stopping.CancelAsync();
        await _run;
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var delay = options.RestartDelay;
        try
        {
            // A port someone else holds would only make the resource crash over and over.
            if (_restarts == 0 && instance.Endpoints.FirstOrDefault(e => LocalPorts.IsInUse(e.Port)) is { } busy)
            {
                FailToStart($"port {busy.Port} (endpoint '{busy.Name}') is in use by another process; stop it, or give the endpoint another port");
                return;
            }
            while (await WaitForDependenciesAsync(stopping))
            {
                Publish(s => s with { State = ResourceState.Starting, Health = null, ProcessId = null, ExitCode = null, Restarts = _restarts, Message = null });
                Process process;
                try
                {
                    var (fileName, arguments, workingDirectory) = instance.Resource.GetLaunchCommand();
                    process = await launcher.StartAsync(fileName, arguments, workingDirectory, environmentFactory());
                }
                catch (Exception ex)
                {
                    FailToStart(ex.Message);
                    return;
                }

                var startedAt = DateTimeOffset.UtcNow;
                int exitCode;
                using (process)
                {
                    exitCode = await SuperviseAsync(process, startedAt, stopping);
                }
                if (stopping.IsCancellationRequested || exitCode == 0)
                {
                    Publish(s => s with { State = ResourceState.Exited, Health = null, ProcessId = null, ExitCode = exitCode, Message = null });
                    LogExit(exitCode, stopping.IsCancellationRequested);
                    return;
                }

                // A crash after a long run starts the backoff afresh.
                if (DateTimeOffset.UtcNow - startedAt > options.MaxRestartDelay)
                {
                    delay = options.RestartDelay;
                }
                Publish(s => s with { State = ResourceState.Exited, Health = null, ProcessId = null, ExitCode = exitCode, Message = $"exited with code {exitCode}; restarting in {delay.TotalSeconds:0.#} s" });
                HostingLog.ResourceCrashed(logger, instance.Name, exitCode, delay);
                await Task.Delay(delay, stopping);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxRestartDelay.Ticks));
                _restarts++;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped while waiting for a dependency or for a restart.
            Publish(s => s with { State = ResourceState.Exited, Health = null, ProcessId = null, Message = null });
        }
    }

    private async Task<bool> WaitForDependenciesAsync(CancellationToken stopping)
    {
        if (instance.Resource.Dashboard is { } dashboard)
        {
            await notifications.WaitForResourceAsync(dashboard.Name, s => s.IsHealthy || s.HasFailed || s.State == ResourceState.Exited, stopping);
        }
        var pending = instance.Resource.WaitsFor.Where(d => !notifications.GetSnapshots(d.Name).All(s => s.IsHealthy)).ToList();
        if (pending.Count == 0)
        {
            return true;
        }
        Publish(s => s with { State = ResourceState.Waiting, Health = null, Message = $"waiting for {string.Join(", ", pending)}" });
        HostingLog.ResourceWaiting(logger, instance.Name, string.Join(", ", pending));
        foreach (var dependency in pending)
        {
            try
            {
                await notifications.WaitForResourceHealthyAsync(dependency.Name, stopping);
            }
            catch (InvalidOperationException)
            {
                FailToStart($"{dependency.Name} did not become healthy");
                return false;
            }
        }
        return true;
    }

    private async Task<int> SuperviseAsync(Process process, DateTimeOffset startedAt, CancellationToken stopping)
    {
        // The process has exited when it has, whoever still holds its output pipes.
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.Exited += (_, _) => exited.TrySetResult();
        if (process.HasExited)
        {
            exited.TrySetResult();
        }
        process.OutputDataReceived += (_, e) => Capture(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => Capture(e.Data, isError: true);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Resources read no input: they see end of file rather than the AppHost's terminal.
        process.StandardInput.Close();

        var check = instance.Resource.HealthCheck;
        HostingLog.ResourceStarted(logger, instance.Name, process.Id, instance.Endpoints.Count == 0 ? "" : $": {instance.DescribeEndpoints()}");
        if (check is null)
        {
            HostingLog.ResourceHealthy(logger, instance.Name);
        }
        Publish(s => s with { State = ResourceState.Running, Health = check is null ? ResourceHealth.Healthy : ResourceHealth.Unhealthy, ProcessId = process.Id, StartedAt = startedAt });

        using var running = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var health = check is null ? Task.CompletedTask : MonitorHealthAsync(check, running.Token);
        try
        {
            await exited.Task.WaitAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            await TerminateAsync(process, exited.Task);
        }
        finally
        {
            await running.CancelAsync();
            await health;
        }
        // The last lines, if they come soon.
        using (var drain = new CancellationTokenSource(s_outputDrain))
        {
            await process.WaitForExitAsync(drain.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        return process.ExitCode;
    }

    private async Task TerminateAsync(Process process, Task exited)
    {
        Publish(s => s with { State = ResourceState.Stopping, Health = null });
        if (!process.HasExited)
        {
            ProcessSignals.Terminate(process.Id, launcher.IsolatesChildren);
        }
        try
        {
            await exited.WaitAsync(options.StopTimeout);
        }
        catch (TimeoutException)
        {
            HostingLog.ResourceKilled(logger, instance.Name, options.StopTimeout);
        }
        // Whatever the resource started goes too: the whole process group, even once its leader
        // has exited. (A lone process id is signalled only while it is surely still ours.)
        if (launcher.IsolatesChildren || !process.HasExited)
        {
            ProcessSignals.Kill(process.Id, launcher.IsolatesChildren);
        }
        await exited;
    }

    private async Task MonitorHealthAsync(HttpHealthCheckAnnotation check, CancellationToken cancellationToken)
    {
        var url = new Uri(instance.Endpoints.Single(e => e.Name == check.EndpointName).Url, check.Path);
        var last = ResourceHealth.Unhealthy;
        var failures = 0;
        try
        {
            while (true)
            {
                var (health, reason) = await ProbeAsync(url, cancellationToken);
                failures = health == ResourceHealth.Healthy ? 0 : failures + 1;
                // Said once when a healthy resource fails, and once when a new one is slow to pass.
                if (health == ResourceHealth.Healthy && last != health)
                {
                    HostingLog.ResourceHealthy(logger, instance.Name);
                }
                else if (health == ResourceHealth.Unhealthy && (last == ResourceHealth.Healthy || failures == 10))
                {
                    HostingLog.ResourceUnhealthy(logger, instance.Name, reason);
                }
                if (health != last || health == ResourceHealth.Unhealthy)
                {
                    Publish(s => s with { Health = health, Message = health == ResourceHealth.Healthy ? null : reason });
                }
                last = health;
                await Task.Delay(options.HealthCheckInterval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task<(ResourceHealth Health, string Reason)> ProbeAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await healthClient.GetAsync(url, cancellationToken);
            return response.IsSuccessStatusCode
                ? (ResourceHealth.Healthy, "")
                : (ResourceHealth.Unhealthy, $"GET {url.AbsolutePath} answered {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (ResourceHealth.Unhealthy, $"GET {url.AbsolutePath} failed: {ex.Message}");
        }
    }

    private void Capture(string? line, bool isError)
    {
        if (line is not null)
        {
            logs.Add(instance.Name, line, isError);
        }
    }

    private void FailToStart(string reason)
    {
        Publish(s => s with { State = ResourceState.FailedToStart, Health = null, ProcessId = null, Message = reason });
        HostingLog.ResourceFailedToStart(logger, instance.Name, reason);
    }

    private void LogExit(int exitCode, bool stopped)
    {
        if (stopped)
        {
            HostingLog.ResourceStopped(logger, instance.Name);
        }
        else
        {
            HostingLog.ResourceExited(logger, instance.Name, exitCode);
        }
    }

    private void Publish(Func<ResourceSnapshot, ResourceSnapshot> update) => notifications.Publish(instance.Name, update);
}
