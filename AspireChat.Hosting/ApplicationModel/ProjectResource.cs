using AspireChat.Hosting.Orchestration;
using Microsoft.Extensions.Configuration;

namespace AspireChat.Hosting.ApplicationModel;

// A .NET project of the solution, launched from its build output with the project directory as
// its content root, as Aspire launches one.
public sealed class ProjectResource(string name, IProjectMetadata project) : Resource(name)
{
    public override string ResourceType => "Project";

    public string ProjectPath => project.ProjectPath;

    public string TargetPath => project.TargetPath;

    internal override (string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory) GetLaunchCommand()
    {
        if (!File.Exists(TargetPath))
        {
            throw new FileNotFoundException($"The build output of {Name} was not found at {TargetPath}; build the AppHost (dotnet build) first.", TargetPath);
        }
        var directory = Path.GetDirectoryName(ProjectPath)!;
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The project directory of {Name} was not found at {directory}.");
        }
        return (DotNetHost.FilePath, [TargetPath, .. Arguments], directory);
    }

    // Aspire's rule: endpoints the project configures under Kestrel:Endpoints get their URL as
    // Kestrel__Endpoints__<name>__Url (keeping the configured protocols, such as h2c for gRPC);
    // a project without Kestrel endpoints gets them all in ASPNETCORE_URLS.
    internal override void AddEndpointEnvironment(IDictionary<string, string> environment, IReadOnlyList<AllocatedEndpoint> endpoints)
    {
        var http = endpoints.Where(e => e.Scheme is "http" or "https").ToList();
        if (http.Count == 0)
        {
            return;
        }
        if (ReadKestrelEndpointNames().Count == 0)
        {
            environment["ASPNETCORE_URLS"] = string.Join(';', http.Select(e => e.Url.GetLeftPart(UriPartial.Authority)));
            return;
        }
        foreach (var endpoint in http)
        {
            environment[$"Kestrel__Endpoints__{endpoint.Name}__Url"] = endpoint.Url.GetLeftPart(UriPartial.Authority);
        }
    }

    private HashSet<string> ReadKestrelEndpointNames()
    {
        var settings = new ConfigurationBuilder()
            .SetBasePath(Path.GetDirectoryName(ProjectPath)!)
            .AddJsonFile("appsettings.json", optional: true)
            .Build();
        return settings.GetSection("Kestrel:Endpoints").GetChildren().Select(c => c.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
