namespace AspireChat.AppHost.Tests;

// The distributed and browser tests share one running app; they run one after another.
[CollectionDefinition(Name)]
public sealed class ChatAppCollection : ICollectionFixture<ChatAppFixture>
{
    public const string Name = "ChatApp";
}
