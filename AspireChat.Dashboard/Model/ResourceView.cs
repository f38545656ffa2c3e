namespace AspireChat.Dashboard.Model;

// A resource instance as the AppHost reports it.
internal sealed record ResourceView(
    string Name,
    string ResourceName,
    string InstanceId,
    string Type,
    string State,
    string? Health,
    DateTimeOffset? StartedAt,
    int Restarts,
    IReadOnlyList<ResourceEndpointView> Endpoints,
    int? ProcessId,
    int? ExitCode,
    string? Message);
