using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AspireChat.ServiceDefaults;

// Once the host has stopped, the telemetry still queued goes to the collector within one second,
// the three signals at once. Left to the container's disposal, each provider in turn waits up to
// 5 s for its exporter, which under Aspire retries (OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY) while
// the collector is slow or gone, as the dashboard is when the AppHost stops: a process then ends
// 10 to 15 s after SIGTERM, past the few seconds Aspire's orchestrator waits before it kills it
// and reports the stop (and so a restart) as failed. A collector that is there takes milliseconds.
internal sealed class TelemetryFlushOnStop(IServiceProvider services) : IHostedLifecycleService
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        var budget = (int)Budget.TotalMilliseconds;
        // A provider shuts down once: the container's disposal later finds it done and waits no more.
        return Task.WhenAll(
            ShutDownAsync(() => services.GetService<TracerProvider>()?.Shutdown(budget)),
            ShutDownAsync(() => services.GetService<MeterProvider>()?.Shutdown(budget)),
            ShutDownAsync(() => services.GetService<LoggerProvider>()?.Shutdown(budget)));
    }

    // Shutdown blocks its thread for up to the budget: a thread of its own each, since on a small
    // machine the thread pool would start the third only after adding a thread (about half a second).
    private static Task ShutDownAsync(Action shutdown) =>
        Task.Factory.StartNew(shutdown, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
