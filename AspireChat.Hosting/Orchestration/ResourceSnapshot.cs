using AspireChat.Hosting.ApplicationModel;

namespace AspireChat.Hosting.Orchestration;

// What is known of a resource instance at one moment. Health is null while nothing runs.
public sealed record ResourceSnapshot(
    string ResourceName,
    string InstanceName,
    string InstanceId,
    string ResourceType,
    ResourceState State,
    ResourceHealth? Health,
    int? ProcessId,
    int? ExitCode,
    DateTimeOffset? StartedAt,
    int Restarts,
    IReadOnlyList<AllocatedEndpoint> Endpoints,
    string? Message)
{
    public bool IsHealthy => State == ResourceState.Running && Health == ResourceHealth.Healthy;

    // Failed for good: it will not start again by itself.
    public bool HasFailed => State == ResourceState.FailedToStart || (State == ResourceState.Exited && ExitCode == 0);

    public static ResourceSnapshot Initial(ResourceInstance instance) => new(
        instance.Resource.Name, instance.Name, instance.InstanceId, instance.Resource.ResourceType,
        ResourceState.NotStarted, null, null, null, null, 0, instance.Endpoints, null);
}
