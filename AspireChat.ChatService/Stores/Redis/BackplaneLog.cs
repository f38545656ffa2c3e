namespace AspireChat.ChatService.Stores.Redis;

internal static partial class BackplaneLog
{
    [LoggerMessage(101, LogLevel.Information, "Replica {Replica} joined the shared room (epoch {Epoch}, last message {Sequence})", EventName = "BackplaneJoined")]
    public static partial void Joined(ILogger logger, string replica, string epoch, long sequence);

    [LoggerMessage(102, LogLevel.Warning, "The shared store (Redis) is away: {Reason}. Calls that need it are refused until it is back", EventName = "BackplaneUnreachable")]
    public static partial void Away(ILogger logger, string reason);

    [LoggerMessage(109, LogLevel.Warning, "The shared store (Redis) is still away, since {Since} UTC: {Reason}", EventName = "BackplaneStillUnreachable")]
    public static partial void StillAway(ILogger logger, string since, string reason);

    [LoggerMessage(110, LogLevel.Information, "The shared store (Redis) is back, after {Duration} away", EventName = "BackplaneBack")]
    public static partial void Back(ILogger logger, string duration);

    [LoggerMessage(103, LogLevel.Information, "Filled a gap of {Count} messages (through {Sequence}) from the shared history", EventName = "BackplaneGapFilled")]
    public static partial void GapFilled(ILogger logger, int count, long sequence);

    [LoggerMessage(104, LogLevel.Warning, "The shared room's epoch changed from {Previous} to {Epoch} (Redis lost its data?): listeners are asked to listen again", EventName = "BackplaneEpochChanged")]
    public static partial void EpochChanged(ILogger logger, string previous, string epoch);

    [LoggerMessage(106, LogLevel.Warning, "Skipped an entry of the shared room that is not a message: {Reason}", EventName = "BackplaneMalformedEntry")]
    public static partial void MalformedEntry(ILogger logger, string reason);

    [LoggerMessage(107, LogLevel.Warning, "The shared store (Redis) is out of memory and refuses writes: {Reason}", EventName = "BackplaneOutOfMemory")]
    public static partial void OutOfMemory(ILogger logger, string reason);

    [LoggerMessage(108, LogLevel.Warning, "The subscription to the shared room ended; subscribing again", EventName = "BackplaneSubscriptionEnded")]
    public static partial void SubscriptionEnded(ILogger logger);

    [LoggerMessage(105, LogLevel.Warning, "{Username}'s name is no longer this session's in the shared room; its streams were ended", EventName = "BackplaneSessionLost")]
    public static partial void SessionLost(ILogger logger, string username);
}
