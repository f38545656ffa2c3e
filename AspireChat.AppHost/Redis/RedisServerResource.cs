namespace AspireChat.AppHost.Redis;

/// <summary>
/// Debian's redis-server as a process of this run (there is no container runtime here for
/// Aspire's own Redis), and, as Aspire's Redis is, a connection string: host and port, which
/// <c>WithReference</c> passes on as <c>ConnectionStrings__{name}</c>.
/// </summary>
public sealed class RedisServerResource(string name, string command, string dataDirectory)
    : ExecutableResource(name, command, workingDirectory: dataDirectory), IResourceWithConnectionString
{
    /// <summary>The name of its one endpoint, Redis's protocol over TCP.</summary>
    public const string PrimaryEndpointName = "tcp";

    /// <summary>Where its append-only file is: a directory of this run's own.</summary>
    public string DataDirectory => WorkingDirectory;

    /// <summary>Its endpoint, behind Aspire's proxy.</summary>
    public EndpointReference PrimaryEndpoint => field ??= new(this, PrimaryEndpointName);

    /// <summary>Whether redis-server was found (or installed) when the resource was added.</summary>
    public bool IsInstalled => Path.IsPathRooted(Command) && File.Exists(Command);

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}");
}
