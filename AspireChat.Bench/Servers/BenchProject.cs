using AspireChat.Hosting;

namespace AspireChat.Bench.Servers;

// This program as a project resource, so that the suite runs its ceiling server as a process.
internal sealed class BenchProject : IProjectMetadata
{
    public string ProjectPath => Path.Combine(AppContext.BaseDirectory, "AspireChat.Bench.csproj");

    public string TargetPath => typeof(BenchProject).Assembly.Location;
}
