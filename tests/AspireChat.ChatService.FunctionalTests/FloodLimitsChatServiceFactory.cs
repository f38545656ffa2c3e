using AspireChat.Testing;

namespace AspireChat.ChatService.FunctionalTests;

// A service with small per-connection limits, a short history and few presence notices; no
// per-user or per-address limit gets in the way.
public sealed class FloodLimitsChatServiceFactory : ChatServiceFactory
{
    public const int RegistrationBurstPerConnection = 3;
    public const int MessageBurstPerConnection = 5;
    public const int HistorySize = 3;
    public const int PresenceNoticeBurst = 5;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Chat:MessagesPerSecond"] = "100000",
        ["Chat:MessageBurst"] = "100000",
        ["Chat:RegistrationsPerConnectionPerMinute"] = "1",
        ["Chat:RegistrationBurstPerConnection"] = $"{RegistrationBurstPerConnection}",
        ["Chat:MessagesPerSecondPerConnection"] = "1",
        ["Chat:MessageBurstPerConnection"] = $"{MessageBurstPerConnection}",
        ["Chat:HistorySize"] = $"{HistorySize}",
        ["Chat:PresenceNoticesPerSecond"] = "1",
        ["Chat:PresenceNoticeBurst"] = $"{PresenceNoticeBurst}",
    };
}
