using AspireChat.Hosting;

namespace AspireChat.Bench.Servers;

// This program as a project resource, so that the suite runs its ceiling server as a process. Its
// directory is an empty one of its own: the build output holds the chat service's appsettings.json,
// whose endpoints the ceiling must not take.
internal sealed class BenchProject : IProjectMetadata
{
    public string ProjectPath { get; } = Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "ceiling")).FullName, "AspireChat.Bench.csproj");

    public string TargetPath => typeof(BenchProject).Assembly.Location;
}
