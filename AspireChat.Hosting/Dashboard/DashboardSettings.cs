using AspireChat.Hosting.Orchestration;

namespace AspireChat.Hosting.Dashboard;

// The secrets and addresses the AppHost shares with the dashboard it starts. Disabled when the
// AppHost has no dashboard project or AppHost:DisableDashboard is set.
internal sealed record DashboardSettings(bool IsEnabled, string BrowserToken, string OtlpApiKey, string ResourceServiceApiKey, int ResourceServicePort)
{
    public const string ResourceName = "dashboard";

    public static DashboardSettings Disabled { get; } = new(false, "", "", "", 0);

    // Aspire's form: <url>/login?t=<token>.
    public static Uri LoginUrl(ResourceInstance dashboard, DashboardSettings settings) =>
        new($"{dashboard.Endpoints.Single(e => e.Name == "http").Url.GetLeftPart(UriPartial.Authority)}/login?t={settings.BrowserToken}");
}
