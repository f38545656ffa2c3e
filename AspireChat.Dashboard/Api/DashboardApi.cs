using AspireChat.Dashboard.Resources;
using AspireChat.Dashboard.Storage;

namespace AspireChat.Dashboard.Api;

// The JSON the UI reads. Behind the login cookie, as every page is.
internal static class DashboardApi
{
    private const string CommandHeader = "x-dashboard-command";

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");

        api.MapGet("/resources", (ResourceStore resources, TelemetryStore telemetry) => new
        {
            appHost = resources.IsConnected,
            resources = resources.GetResources(),
            telemetryResources = telemetry.GetResources().Select(r => new { r.ServiceName, r.InstanceId, name = r.ToString() }),
        });

        api.MapPost("/resources/{name}/{command}", async (HttpContext context, string name, string command, ResourceServiceClient client, CancellationToken cancellationToken) =>
        {
            // Another site's form cannot set this header (not without CORS, which is off), so it cannot act here.
            if (context.Request.Headers[CommandHeader] != "1")
            {
                return Results.Problem($"Commands need the {CommandHeader} header.", statusCode: StatusCodes.Status400BadRequest);
            }
            var (accepted, message) = await client.ExecuteCommandAsync(name, command, cancellationToken);
            return accepted ? Results.Ok(new { message }) : Results.Problem(message, statusCode: StatusCodes.Status409Conflict);
        });

        api.MapGet("/console/{name}", (string name, long? after, ResourceStore resources) => resources.GetConsoleLines(name, after ?? 0));

        api.MapGet("/logs", (string? resource, int? minSeverity, string? text, string? traceId, TelemetryStore telemetry) =>
            telemetry.GetLogs(new LogQuery(resource, minSeverity ?? 0, text, traceId)));

        api.MapGet("/traces", (string? resource, string? text, TelemetryStore telemetry) => telemetry.GetTraces(resource, text));

        api.MapGet("/traces/{traceId}", (string traceId, TelemetryStore telemetry) =>
            telemetry.GetTrace(traceId) is { } spans
                ? Results.Ok(new { traceId, spans, logs = telemetry.GetLogs(new LogQuery(TraceId: traceId)) })
                : Results.NotFound(new { error = $"No trace {traceId}: it may have been evicted, or not arrived yet." }));

        api.MapGet("/metrics", (string? resource, string? name, TelemetryStore telemetry) => telemetry.GetInstruments(resource, name));

        api.MapGet("/events", LiveUpdates.StreamAsync);

        return endpoints;
    }
}
