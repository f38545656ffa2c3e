using Grpc.Core;

namespace AspireChat.Web.Diagnostics;

public static partial class WebChatLog
{
    [LoggerMessage(EventId = 1, EventName = "SessionLost", Level = LogLevel.Information, Message = "{Username} lost the name while away: {Reason}")]
    public static partial void SessionLost(ILogger logger, string username, string reason);

    [LoggerMessage(EventId = 2, EventName = "OnlineListFailed", Level = LogLevel.Warning, Message = "Could not list who is online ({StatusCode}): {Detail}")]
    public static partial void OnlineListFailed(ILogger logger, StatusCode statusCode, string detail);

    [LoggerMessage(EventId = 3, EventName = "DisconnectedByOperator", Level = LogLevel.Information, Message = "{Username} was disconnected by the room's operator: {Reason}")]
    public static partial void DisconnectedByOperator(ILogger logger, string username, string reason);
}
