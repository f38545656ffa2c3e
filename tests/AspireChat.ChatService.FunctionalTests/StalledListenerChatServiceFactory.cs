using AspireChat.Testing;

namespace AspireChat.ChatService.FunctionalTests;

// A service that drops a listener after 4 queued messages and cuts off a stalled one 200 ms later.
public sealed class StalledListenerChatServiceFactory : ChatServiceFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Chat:ListenerQueueCapacity"] = "4",
        ["Chat:StalledListenerTimeout"] = "00:00:00.200",
        ["Chat:MessagesPerSecond"] = "100000",
        ["Chat:MessageBurst"] = "100000",
    };
}
