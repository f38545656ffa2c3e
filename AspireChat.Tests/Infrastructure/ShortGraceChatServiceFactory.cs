namespace AspireChat.Tests.Infrastructure;

// A service whose names are released 300 ms after their last stream ends.
public sealed class ShortGraceChatServiceFactory : ChatServiceFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Chat:ReconnectGracePeriod"] = "00:00:00.300",
    };
}
