namespace AspireChat.ChatService.Diagnostics;

// What the per-address connection limit, the front-end check and the admin key check log: one line per address per
// minute, however many connections or calls they refuse meanwhile.
internal static partial class NetworkLog
{
    [LoggerMessage(201, LogLevel.Warning, "Refusing connections from {Address}: it has {Limit} open already (Chat:MaxConnectionsPerAddress); further refusals of it in the next minute are not logged", EventName = "ConnectionsRefused")]
    public static partial void ConnectionsRefused(ILogger logger, string address, int limit);

    // Never the key itself.
    [LoggerMessage(202, LogLevel.Warning, "Refusing a call from {Address} made as if from a trusted front end: {Reason}; further refusals of it in the next minute are not logged", EventName = "ForwardedCallRefused")]
    public static partial void ForwardedCallRefused(ILogger logger, string address, string reason);

    // Never the key itself.
    [LoggerMessage(203, LogLevel.Warning, "Refusing a call of the admin API from {Address}: {Reason}; further refusals of it in the next minute are not logged", EventName = "AdminCallRefused")]
    public static partial void AdminCallRefused(ILogger logger, string address, string reason);
}
