using AspireChat.Testing;

namespace AspireChat.ChatService.FunctionalTests;

// A service with small limits on what one address may hold. Each test comes from addresses of its
// own (FromAddress), so what one holds does not count against another; idle connections are kept
// for as long as a test holds them.
public sealed class PeerLimitsChatServiceFactory : ChatServiceFactory
{
    public const int MaxConnectionsPerAddress = 3;
    public const int MaxUsersPerAddress = 3;
    public const int MaxStreamsPerAddress = 2;
    public const int ListUsersBurstPerAddress = 3;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Chat:MessagesPerSecond"] = "100000",
        ["Chat:MessageBurst"] = "100000",
        ["Chat:MaxConnectionsPerAddress"] = $"{MaxConnectionsPerAddress}",
        ["Chat:MaxUsersPerAddress"] = $"{MaxUsersPerAddress}",
        ["Chat:MaxStreamsPerAddress"] = $"{MaxStreamsPerAddress}",
        ["Chat:ListUsersPerSecondPerAddress"] = "1",
        ["Chat:ListUsersBurstPerAddress"] = $"{ListUsersBurstPerAddress}",
        ["Chat:IdleConnectionTimeout"] = "00:10:00",
    };
}
