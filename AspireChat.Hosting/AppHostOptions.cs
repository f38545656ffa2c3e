using System.ComponentModel.DataAnnotations;

namespace AspireChat.Hosting;

// The AppHost's own settings (section "AppHost"), validated at start.
public sealed class AppHostOptions
{
    public const string SectionName = "AppHost";

    // Gives every fixed port a free one instead, so that tests run beside a developer's AppHost.
    public bool RandomizePorts { get; set; }

    // Writes every resource's output to the AppHost's console, prefixed with the resource name.
    public bool EchoResourceLogs { get; set; } = true;

    // Console lines kept per resource instance (Aspire keeps 10,000).
    [Range(1, 1_000_000)]
    public int ConsoleLogCapacity { get; set; } = 10_000;

    // How long a resource has to stop after SIGTERM before it is killed.
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan MaxRestartDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    // Sent as x-otlp-api-key by every resource (Aspire's AppHost:OtlpApiKey); generated for the dashboard when not set.
    public string? OtlpApiKey { get; set; }

    // Runs the app without the dashboard the AppHost otherwise starts.
    public bool DisableDashboard { get; set; }

    // The dashboard's login token; generated at each start when not set.
    public string? DashboardBrowserToken { get; set; }
}
