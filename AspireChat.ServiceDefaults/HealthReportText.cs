using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AspireChat.ServiceDefaults;

// The health endpoint's answer in one line: the status, and for each check that is not healthy,
// why ("Unhealthy: redis: Redis is away since 14:02:11 UTC: ..."), so whoever polls it reads the
// reason where they read the status.
internal static class HealthReportText
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var why = report.Entries
            .Where(entry => entry.Value.Status != HealthStatus.Healthy)
            .Select(entry => $"{entry.Key}: {entry.Value.Description ?? entry.Value.Exception?.Message ?? entry.Value.Status.ToString()}");
        var text = string.Join("; ", why);
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync((text.Length == 0 ? $"{report.Status}" : $"{report.Status}: {text}").ReplaceLineEndings(" "));
    }
}
