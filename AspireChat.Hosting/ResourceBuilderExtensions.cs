using AspireChat.Hosting.ApplicationModel;

namespace AspireChat.Hosting;

// The With... vocabulary of Aspire's AppHost, with Aspire's names and meanings.
public static class ResourceBuilderExtensions
{
    // An endpoint the resource listens on: a fixed port, or a free one when port is null.
    public static ResourceBuilder<T> WithEndpoint<T>(this ResourceBuilder<T> builder, string name, int? port = null, string scheme = "http") where T : Resource
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (port is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, $"The port of endpoint '{name}' must be between 1 and 65535.");
        }
        if (builder.Resource.Endpoints.Any(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"Resource '{builder.Resource.Name}' already has an endpoint named '{name}'.");
        }
        builder.Resource.Endpoints.Add(new EndpointAnnotation(name, scheme, port));
        return builder;
    }

    public static ResourceBuilder<T> WithHttpEndpoint<T>(this ResourceBuilder<T> builder, int? port = null, string? name = null) where T : Resource =>
        builder.WithEndpoint(name ?? "http", port, "http");

    // Tells the resource where the source's endpoints are, through the environment variables
    // Microsoft.Extensions.ServiceDiscovery reads (services__<source>__<endpoint>__<n>).
    public static ResourceBuilder<T> WithReference<T, TSource>(this ResourceBuilder<T> builder, ResourceBuilder<TSource> source) where T : Resource where TSource : Resource
    {
        if (!builder.Resource.References.Contains(source.Resource))
        {
            builder.Resource.References.Add(source.Resource);
        }
        return builder;
    }

    // Starts the resource only once every replica of the dependency is healthy.
    public static ResourceBuilder<T> WaitFor<T, TDependency>(this ResourceBuilder<T> builder, ResourceBuilder<TDependency> dependency) where T : Resource where TDependency : Resource
    {
        if (ReferenceEquals(builder.Resource, dependency.Resource))
        {
            throw new InvalidOperationException($"Resource '{builder.Resource.Name}' cannot wait for itself.");
        }
        if (!builder.Resource.WaitsFor.Contains(dependency.Resource))
        {
            builder.Resource.WaitsFor.Add(dependency.Resource);
        }
        return builder;
    }

    // Runs n processes of the resource, each with its own ports and service.instance.id.
    public static ResourceBuilder<T> WithReplicas<T>(this ResourceBuilder<T> builder, int replicas) where T : Resource
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        builder.Resource.Replicas = replicas;
        return builder;
    }

    public static ResourceBuilder<T> WithEnvironment<T>(this ResourceBuilder<T> builder, string name, string value) where T : Resource
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        builder.Resource.Environment[name] = value;
        return builder;
    }

    public static ResourceBuilder<T> WithArgs<T>(this ResourceBuilder<T> builder, params string[] args) where T : Resource
    {
        foreach (var arg in args)
        {
            builder.Resource.Arguments.Add(arg);
        }
        return builder;
    }

    // Healthy while GET <path> on the endpoint succeeds: by default the one named "http", as in
    // Aspire, else the first with an http scheme.
    public static ResourceBuilder<T> WithHttpHealthCheck<T>(this ResourceBuilder<T> builder, string path = "/", string? endpointName = null) where T : Resource
    {
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"The health check path '{path}' must start with '/'.", nameof(path));
        }
        var endpoint = endpointName
            ?? builder.Resource.Endpoints.FirstOrDefault(e => e.Name == "http")?.Name
            ?? builder.Resource.Endpoints.FirstOrDefault(e => e.Scheme is "http" or "https")?.Name
            ?? throw new InvalidOperationException($"Resource '{builder.Resource.Name}' has no http endpoint for its health check; add one first.");
        builder.Resource.HealthCheck = new HttpHealthCheckAnnotation(path, endpoint);
        return builder;
    }
}
