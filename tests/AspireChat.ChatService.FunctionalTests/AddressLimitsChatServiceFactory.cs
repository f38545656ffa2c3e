using AspireChat.Testing;

namespace AspireChat.ChatService.FunctionalTests;

// A service with small per-address limits (every test client comes from 127.0.0.1).
public sealed class AddressLimitsChatServiceFactory : ChatServiceFactory
{
    public const int RegistrationBurstPerAddress = 6;
    public const int MessageBurstPerAddress = 4;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Chat:MessagesPerSecond"] = "100000",
        ["Chat:MessageBurst"] = "100000",
        ["Chat:RegistrationsPerAddressPerMinute"] = "1",
        ["Chat:RegistrationBurstPerAddress"] = $"{RegistrationBurstPerAddress}",
        ["Chat:MessagesPerSecondPerAddress"] = "1",
        ["Chat:MessageBurstPerAddress"] = $"{MessageBurstPerAddress}",
    };
}
