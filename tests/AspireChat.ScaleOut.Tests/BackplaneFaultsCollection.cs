namespace AspireChat.ScaleOut.Tests;

// Tests that start Redis and replicas of their own (most of them to kill something) run alone,
// after the parallel tests, so their deadlines are not spent waiting for a busy machine.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BackplaneFaultsCollection
{
    public const string Name = "BackplaneFaults";
}
