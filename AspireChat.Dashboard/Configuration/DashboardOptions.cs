using System.ComponentModel.DataAnnotations;

namespace AspireChat.Dashboard.Configuration;

// The dashboard's settings (section "Dashboard"), named as the Aspire dashboard names them.
internal sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    public FrontendOptions Frontend { get; set; } = new();

    public OtlpOptions Otlp { get; set; } = new();

    public ResourceServiceClientOptions ResourceServiceClient { get; set; } = new();

    public TelemetryLimitOptions TelemetryLimits { get; set; } = new();
}

internal sealed class FrontendOptions
{
    // BrowserToken: a login URL (/login?t=<token>) opens the UI; Unsecured: anyone on this machine may.
    public AuthMode AuthMode { get; set; } = AuthMode.BrowserToken;

    // Generated at start when not set.
    public string? BrowserToken { get; set; }
}

internal sealed class OtlpOptions
{
    // ApiKey: exporters send x-otlp-api-key; Unsecured: any exporter may send.
    public AuthMode AuthMode { get; set; } = AuthMode.Unsecured;

    public string? PrimaryApiKey { get; set; }
}

internal sealed class ResourceServiceClientOptions
{
    // The AppHost's resource service (DOTNET_RESOURCE_SERVICE_ENDPOINT_URL); none when standalone.
    public Uri? Url { get; set; }

    public string? ApiKey { get; set; }
}

internal sealed class TelemetryLimitOptions
{
    [Range(1, 1_000_000)]
    public int MaxLogCount { get; set; } = 10_000;

    [Range(1, 1_000_000)]
    public int MaxTraceCount { get; set; } = 10_000;

    // Spans kept per trace: a runaway trace must not hold the memory of thousands.
    [Range(1, 1_000_000)]
    public int MaxSpansPerTrace { get; set; } = 10_000;

    // Points kept per metric series.
    [Range(1, 100_000)]
    public int MaxMetricsCount { get; set; } = 1_000;

    [Range(1, 1_000_000)]
    public int MaxConsoleLogCount { get; set; } = 10_000;

    [Range(1, 1_000)]
    public int MaxAttributeCount { get; set; } = 128;

    [Range(16, 1_000_000)]
    public int MaxAttributeLength { get; set; } = 4_096;
}

internal enum AuthMode
{
    Unsecured,
    BrowserToken,
    ApiKey,
}
