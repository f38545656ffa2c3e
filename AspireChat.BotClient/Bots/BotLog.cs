using AspireChat.Client.Messaging;

namespace AspireChat.BotClient.Bots;

internal static partial class BotLog
{
    [LoggerMessage(1, LogLevel.Information, "Bot {Name} joined the chat at {Endpoint}", EventName = "BotJoined")]
    public static partial void Joined(ILogger logger, string name, Uri? endpoint);

    [LoggerMessage(2, LogLevel.Warning, "Bot {Name} could not register ({Reason}); retrying in {Delay}", EventName = "RegistrationFailed")]
    public static partial void RegistrationFailed(ILogger logger, string name, string reason, TimeSpan delay);

    [LoggerMessage(3, LogLevel.Information, "Bot {Name} said line {Line} of its script ({Outcome})", EventName = "ScriptLine")]
    public static partial void ScriptLine(ILogger logger, string name, int line, string outcome);

    [LoggerMessage(4, LogLevel.Warning, "Bot {Name} could not send line {Line}: {Reason}", EventName = "SendFailed")]
    public static partial void SendFailed(ILogger logger, string name, int line, string reason);

    [LoggerMessage(5, LogLevel.Information, "Bot {Name} answered a ping from {Sender}", EventName = "PingAnswered")]
    public static partial void PingAnswered(ILogger logger, string name, string sender);

    [LoggerMessage(6, LogLevel.Information, "Bot {Name}: {Event}", EventName = "Connection")]
    public static partial void Connection(ILogger logger, string name, string @event);

    [LoggerMessage(7, LogLevel.Warning, "Bot {Name} was disconnected by the room's operator: {Reason}", EventName = "DisconnectedByOperator")]
    public static partial void Disconnected(ILogger logger, string name, string reason);

    [LoggerMessage(8, LogLevel.Warning, "Bot {Name}: line {Line} refused ({Outcome}): {Reason}; the same refusal is not logged again until a line is sent", EventName = "LineRefused")]
    public static partial void LineRefused(ILogger logger, string name, int line, SendOutcome outcome, string reason);

    [LoggerMessage(9, LogLevel.Information, "Bot {Name} heard the room announce: {Text}", EventName = "Announcement")]
    public static partial void Announcement(ILogger logger, string name, string text);
}
