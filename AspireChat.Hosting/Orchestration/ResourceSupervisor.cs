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
    IReadOnlyDictionary<string, string> environment,
    ProcessLauncher launcher,
    ResourceNotificationService notifications,
    ResourceLogService logs,
    HttpClient healthClient,
    AppHostOptions options,
    ILogger logger)
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _run = Task.CompletedTask;

    public ResourceInstance Instance => instance;

    public void Start() => _run = Task.Run(() => RunAsync(_stopping.Token));

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        await _run;
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var restarts = 0;
        var delay = options.RestartDelay;
        try
        {
            // A port someone else holds would only make the resource crash over and over.
            if (instance.Endpoints.FirstOrDefault(e => LocalPorts.IsInUse(e.Port)) is { } busy)
            {
                FailToStart($"port {busy.Port} (endpoint '{busy.Name}') is in use by another process; stop it, or give the endpoint another port");
                return;
            }
            while (await WaitForDependenciesAsync(stopping))
            {
                Publish(s => s with { State = ResourceState.Starting, Health = null, ProcessId = null, ExitCode = null, Restarts = restarts, Message = null });
                Process process;
                try
                {
                    var (fileName, arguments, workingDirectory) = instance.Resource.GetLaunchCommand();
                    process = await launcher.StartAsync(fileName, arguments, workingDirectory, environment);
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
                    Publish(s => s with { State = ResourceState.Exited, Health = null, ExitCode = exitCode, Message = null });
                    LogExit(exitCode, stopping.IsCancellationRequested);
                    return;
                }

                // A crash after a long run starts the backoff afresh.
                if (DateTimeOffset.UtcNow - startedAt > options.MaxRestartDelay)
                {
                    delay = options.RestartDelay;
                }
                Publish(s => s with { State = ResourceState.Exited, Health = null, ExitCode = exitCode, Message = $"exited with code {exitCode}; restarting in {delay.TotalSeconds:0.#} s" });
                HostingLog.ResourceCrashed(logger, instance.Name, exitCode, delay);
                await Task.Delay(delay, stopping);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxRestartDelay.Ticks));
                restarts++;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped while waiting for a dependency or for a restart.
            Publish(s => s with { State = ResourceState.Exited, Health = null });
        }
    }

    private async Task<bool> WaitForDependenciesAsync(CancellationToken stopping)
    {
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
            await process.WaitForExitAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            await TerminateAsync(process);
        }
        finally
        {
            await running.CancelAsync();
            await health;
        }
        return process.ExitCode;
    }

    private async Task TerminateAsync(Process process)
    {
        Publish(s => s with { State = ResourceState.Stopping });
        if (!process.HasExited)
        {
            ProcessSignals.Terminate(process.Id, launcher.IsolatesChildren);
        }
        using var timeout = new CancellationTokenSource(options.StopTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            HostingLog.ResourceKilled(logger, instance.Name, options.StopTimeout);
            if (!process.HasExited)
            {
                ProcessSignals.Kill(process.Id, launcher.IsolatesChildren);
            }
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private async Task MonitorHealthAsync(HttpHealthCheckAnnotation check, CancellationToken cancellationToken)
    {
        var url = new Uri(instance.Endpoints.Single(e => e.Name == check.EndpointName).Url, check.Path);
        var last = ResourceHealth.Unhealthy;
        try
        {
            while (true)
            {
                var (health, reason) = await ProbeAsync(url, cancellationToken);
                if (health != last)
                {
                    Publish(s => s with { Health = health });
                    if (health == ResourceHealth.Healthy)
                    {
                        HostingLog.ResourceHealthy(logger, instance.Name);
                    }
                    else
                    {
                        HostingLog.ResourceUnhealthy(logger, instance.Name, reason);
                    }
                    last = health;
                }
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
