using AspireChat.Hosting.ApplicationModel;

namespace AspireChat.Hosting.Orchestration;

// One replica of a resource: its name (the resource's, or name-N with replicas), its
// service.instance.id and the ports it was given.
public sealed record ResourceInstance(Resource Resource, string Name, string InstanceId, int ReplicaIndex, IReadOnlyList<AllocatedEndpoint> Endpoints)
{
    // "grpc http://localhost:50051, http http://localhost:41234"
    public string DescribeEndpoints() => string.Join(", ", Endpoints.Select(e => $"{e.Name} {e.Url.GetLeftPart(UriPartial.Authority)}"));
}
