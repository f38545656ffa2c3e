namespace AspireChat.ScaleOut.Tests;

// The backplane's rule tests share one cluster and run one after another.
[CollectionDefinition(Name)]
public sealed class BackplaneCollection : ICollectionFixture<ChatClusterFixture>
{
    public const string Name = "Backplane";
}
