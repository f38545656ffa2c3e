using AspireChat.Testing;

namespace AspireChat.ChatService.FunctionalTests;

// A service with small limits, to meet each of them.
public sealed class StrictLimitsChatServiceFactory : ChatServiceFactory
{
    public const int Burst = 3;
    public const int StreamsPerUser = 2;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Chat:MessagesPerSecond"] = "1",
        ["Chat:MessageBurst"] = $"{Burst}",
        ["Chat:MaxStreamsPerUser"] = $"{StreamsPerUser}",
    };
}
