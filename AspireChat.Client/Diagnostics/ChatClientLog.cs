namespace AspireChat.Client.Diagnostics;

internal static partial class ChatClientLog
{
    [LoggerMessage(1, LogLevel.Information, "Connected to the chat service at {Endpoint} as {Username}", EventName = "Connected")]
    public static partial void Connected(ILogger logger, Uri endpoint, string username);

    [LoggerMessage(2, LogLevel.Warning, "Lost the chat stream ({Reason}); retry {Attempt} in {Delay}", EventName = "ConnectionLost")]
    public static partial void ConnectionLost(ILogger logger, string reason, int attempt, TimeSpan delay);

    [LoggerMessage(3, LogLevel.Information, "The session of {Username} is gone (service restarted or grace passed); registering again", EventName = "Reregistering")]
    public static partial void Reregistering(ILogger logger, string username);

    [LoggerMessage(4, LogLevel.Warning, "None of the {Count} endpoints of {Service} answered gRPC; trying {Endpoint}", EventName = "NoEndpointSpeaksGrpc")]
    public static partial void NoEndpointSpeaksGrpc(ILogger logger, string service, int count, Uri endpoint);

    [LoggerMessage(5, LogLevel.Warning, "Messages sent while the stream was away are lost (service restarted: {Restarted}; not in its history: {Missed})", EventName = "MessagesMissed")]
    public static partial void MessagesMissed(ILogger logger, bool restarted, long missed);

    [LoggerMessage(6, LogLevel.Warning, "The room's operator disconnected {Username}; not reconnecting: {Reason}", EventName = "DisconnectedByOperator")]
    public static partial void DisconnectedByOperator(ILogger logger, string? username, string reason);
}
