using AspireChat.Testing;

namespace AspireChat.ScaleOut.Tests;

// The real ChatService in this process on a backplane of its own (a redis-server the test
// started), so a test can reach into its Redis client.
public sealed class BackplaneChatServiceFactory(RedisServerProcess redis) : ChatServiceFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["ConnectionStrings:redis"] = redis.ConnectionString,
        ["Chat:MessagesPerSecond"] = "100000",
        ["Chat:MessageBurst"] = "100000",
    };
}
