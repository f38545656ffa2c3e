namespace AspireChat.ScaleOut.Tests.Moderation;

// The operator's tests share one pair of replicas and run one after another.
[CollectionDefinition(Name)]
public sealed class ModerationCollection : ICollectionFixture<ModerationCluster>
{
    public const string Name = "Moderation";
}
