using AspireChat.Testing;

namespace AspireChat.ChatService.FunctionalTests;

// A service that trusts a front end holding Key, with room for two users per address: the people
// a test forwards, and the loopback addresses it connects from, are its own.
public sealed class FrontEndChatServiceFactory : ChatServiceFactory
{
    public const string Key = "front-end-key-of-the-tests-0123456789";
    public const int MaxUsersPerAddress = 2;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Chat:MessagesPerSecond"] = "100000",
        ["Chat:MessageBurst"] = "100000",
        ["Chat:FrontEndKey"] = Key,
        ["Chat:MaxUsersPerAddress"] = $"{MaxUsersPerAddress}",
    };
}
