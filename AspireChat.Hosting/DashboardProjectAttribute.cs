namespace AspireChat.Hosting;

// Names the dashboard project an AppHost starts (written by build/AspireChat.Hosting.targets).
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class DashboardProjectAttribute(Type projectMetadata) : Attribute
{
    public Type ProjectMetadata { get; } = projectMetadata;
}
