namespace AspireChat.AppHost.Tests;

// The scale-out tests share one running scale-out app (redis-server, three chat replicas, two
// bots). It runs after the parallel tests, alone: it would double the load on a busy machine,
// and the ChatApp collection's process counts would take its processes for their app's.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScaleOutAppCollection : ICollectionFixture<ScaleOutAppFixture>
{
    public const string Name = "ScaleOutApp";
}
