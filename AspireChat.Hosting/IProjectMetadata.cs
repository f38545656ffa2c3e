namespace AspireChat.Hosting;

// A project resource's paths, as the build wrote them into Projects.<Name> (see build/AspireChat.Hosting.targets).
public interface IProjectMetadata
{
    string ProjectPath { get; }

    // The assembly the build produced: resources launch from it, never through `dotnet run`.
    string TargetPath { get; }
}
