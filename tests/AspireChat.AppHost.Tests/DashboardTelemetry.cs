using System.Text.Json.Nodes;
using AspireChat.Testing;

namespace AspireChat.AppHost.Tests;

// The Aspire dashboard's telemetry API (/api/telemetry, OTLP JSON): the spans and logs its pages
// show, read with the API key the AppHost gave the dashboard.
public sealed class DashboardTelemetry(Uri dashboard, string apiKey)
{
    // The AppHost's arguments that turn the API on with a key of the test's own: Aspire would
    // otherwise keep one in the AppHost's user secrets, which another app of the same test run
    // may write while this one runs (the configuration reloads, and the key no longer matches).
    public static string[] ApiArguments(string apiKey) => ["ASPIRE_DASHBOARD_API_ENABLED=true", $"AppHost:DashboardApiKey={apiKey}"];

    // Everything the dashboard holds of one signal ("spans" or "logs"), as it serves it.
    public async Task<string> ReadAsync(string signal)
    {
        using var http = new HttpClient { BaseAddress = dashboard };
        http.DefaultRequestHeaders.Add("x-api-key", apiKey);
        return await http.GetStringAsync($"/api/telemetry/{signal}").DefaultTimeout();
    }

    public async Task<IReadOnlyList<DashboardSpan>> SpansAsync()
    {
        var data = JsonNode.Parse(await ReadAsync("spans"))?["data"]?["resourceSpans"]?.AsArray() ?? [];
        return [.. data.SelectMany(resourceSpans =>
        {
            var resource = Attribute(resourceSpans?["resource"]?["attributes"], "service.name") ?? "";
            var instance = Attribute(resourceSpans?["resource"]?["attributes"], "service.instance.id") ?? "";
            var spans = resourceSpans?["scopeSpans"]?.AsArray().SelectMany(scope => scope?["spans"]?.AsArray() ?? []) ?? [];
            return spans.Select(span => new DashboardSpan(resource, (string)span!["name"]!, (string)span["traceId"]!,
                (string?)span["spanId"] ?? "", (string?)span["parentSpanId"] ?? "", instance));
        })];
    }

    // Polls until the dashboard holds a trace that satisfies the condition.
    public async Task<IReadOnlyList<DashboardSpan>> WaitForTraceAsync(Func<IReadOnlyList<DashboardSpan>, bool> match, string what)
    {
        IReadOnlyList<DashboardSpan>? trace = null;
        await TimeoutExtensions.WaitUntilAsync(async () =>
        {
            trace = (await SpansAsync()).GroupBy(s => s.TraceId).Select(g => (IReadOnlyList<DashboardSpan>)[.. g]).LastOrDefault(match);
            return trace is not null;
        }, what, TimeoutExtensions.StartupTimeoutSpan, every: TimeSpan.FromMilliseconds(500));
        return trace!;
    }

    private static string? Attribute(JsonNode? attributes, string key) =>
        attributes?.AsArray().FirstOrDefault(a => (string?)a?["key"] == key)?["value"]?["stringValue"]?.GetValue<string>();
}
