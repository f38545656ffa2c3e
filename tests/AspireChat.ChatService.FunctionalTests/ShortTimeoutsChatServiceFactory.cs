using AspireChat.Testing;

namespace AspireChat.ChatService.FunctionalTests;

// A service that lets an idle connection go after a second and resets a unary call after two.
public sealed class ShortTimeoutsChatServiceFactory : ChatServiceFactory
{
    public static readonly TimeSpan IdleConnectionTimeout = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan RequestBodyTimeout = TimeSpan.FromSeconds(2);

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Chat:MessagesPerSecond"] = "100000",
        ["Chat:MessageBurst"] = "100000",
        ["Chat:IdleConnectionTimeout"] = IdleConnectionTimeout.ToString(),
        ["Chat:RequestBodyTimeout"] = RequestBodyTimeout.ToString(),
    };
}
