namespace AspireChat.Dashboard.Model;

// Who sent telemetry: service.name and service.instance.id, as OTEL_SERVICE_NAME and
// OTEL_RESOURCE_ATTRIBUTES set them.
internal sealed record TelemetryResource(string ServiceName, string InstanceId)
{
    public override string ToString() => string.IsNullOrEmpty(InstanceId) ? ServiceName : $"{ServiceName} ({InstanceId})";
}
