namespace AspireChat.Hosting.ApplicationModel;

// What AddProject returns: the resource and the builder it belongs to, for the With... calls.
public sealed class ResourceBuilder<T>(T resource, DistributedApplicationBuilder applicationBuilder) where T : Resource
{
    public T Resource { get; } = resource;

    public DistributedApplicationBuilder ApplicationBuilder { get; } = applicationBuilder;
}
