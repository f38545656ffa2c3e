using AspireChat.Testing;

namespace AspireChat.ChatService.FunctionalTests;

// A service that pings its clients every second and gives up on one a second later, and frees a
// name a second after its last stream ends: dead peers are found within seconds.
public sealed class KeepAliveChatServiceFactory : ChatServiceFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Chat:KeepAlivePingDelay"] = "00:00:01",
        ["Chat:KeepAlivePingTimeout"] = "00:00:01",
        ["Chat:ReconnectGracePeriod"] = "00:00:01",
    };
}
