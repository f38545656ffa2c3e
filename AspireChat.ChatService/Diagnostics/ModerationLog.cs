namespace AspireChat.ChatService.Diagnostics;

// The operator's actions, one line each. Names, reasons and announcements are passed through
// LogText.Escape first; a key is never logged.
internal static partial class ModerationLog
{
    [LoggerMessage(301, LogLevel.Information, "The operator announced message {Sequence}: {Text}", EventName = "OperatorAnnounced")]
    public static partial void Announced(ILogger logger, long sequence, string text);

    [LoggerMessage(302, LogLevel.Information, "The operator listed the {Count} users online", EventName = "OperatorListed")]
    public static partial void Listed(ILogger logger, int count);

    [LoggerMessage(303, LogLevel.Information, "The operator disconnected {Username}; the name is held until {Until:u}: {Reason}", EventName = "OperatorDisconnected")]
    public static partial void Disconnected(ILogger logger, string username, DateTimeOffset until, string reason);

    [LoggerMessage(304, LogLevel.Information, "The operator muted {Username} until {Until:u}: {Reason}", EventName = "OperatorMuted")]
    public static partial void Muted(ILogger logger, string username, DateTimeOffset until, string reason);

    [LoggerMessage(305, LogLevel.Information, "The operator unmuted {Username} (muted: {WasMuted})", EventName = "OperatorUnmuted")]
    public static partial void Unmuted(ILogger logger, string username, bool wasMuted);

    [LoggerMessage(306, LogLevel.Information, "The operator's {Operation} refused: {Reason}", EventName = "OperatorRequestRefused")]
    public static partial void Refused(ILogger logger, string operation, string reason);
}
