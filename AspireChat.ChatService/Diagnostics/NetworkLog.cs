namespace AspireChat.ChatService.Diagnostics;

// What the per-address connection limit logs: one line per address per minute, however many
// connections it refuses meanwhile.
internal static partial class NetworkLog
{
    [LoggerMessage(201, LogLevel.Warning, "Refusing connections from {Address}: it has {Limit} open already (Chat:MaxConnectionsPerAddress); further refusals of it in the next minute are not logged", EventName = "ConnectionsRefused")]
    public static partial void ConnectionsRefused(ILogger logger, string address, int limit);
}
