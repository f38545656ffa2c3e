namespace AspireChat.Hosting.ApplicationModel;

// A resource of the app model: one or more processes of the same kind, with their endpoints,
// environment and relations to other resources.
public abstract partial class Resource
{
    protected Resource(string name)
    {
        if (!ValidName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a valid resource name: use 1-64 ASCII letters, digits and hyphens, starting with a letter.", nameof(name));
        }
        Name = name;
    }

    public string Name { get; }

    public abstract string ResourceType { get; }

    public int Replicas { get; internal set; } = 1;

    public IList<EndpointAnnotation> Endpoints { get; } = [];

    public IDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IList<string> Arguments { get; } = [];

    // Resources whose endpoints this one is told about (WithReference).
    public IList<Resource> References { get; } = [];

    // Resources that must be healthy before this one starts (WaitFor).
    public IList<Resource> WaitsFor { get; } = [];

    public HttpHealthCheckAnnotation? HealthCheck { get; internal set; }

    // The dashboard the AppHost adds by itself: it gets no OTLP exporter (it is the receiver).
    internal bool IsDashboard { get; init; }

    // Started once the dashboard is up (or has failed), so that no telemetry is lost; never held back by it.
    internal Resource? Dashboard { get; set; }

    // The command that starts one replica, and the directory it runs in.
    internal abstract (string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory) GetLaunchCommand();

    // Environment a resource of this kind needs so that it listens on its allocated endpoints.
    internal abstract void AddEndpointEnvironment(IDictionary<string, string> environment, IReadOnlyList<AllocatedEndpoint> endpoints);

    public override string ToString() => Name;

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z][A-Za-z0-9-]{0,63}$")]
    private static partial System.Text.RegularExpressions.Regex ValidName();
}
