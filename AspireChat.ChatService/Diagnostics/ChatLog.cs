using AspireChat.ChatService.Model;

namespace AspireChat.ChatService.Diagnostics;

// Never logs the text of a message. Every client-given string (names, recipients, claimed
// names, peers) is passed through LogText.Escape first.
internal static partial class ChatLog
{
    [LoggerMessage(1, LogLevel.Information, "User {Username} added", EventName = "UserAdded")]
    public static partial void UserAdded(ILogger logger, string username);

    [LoggerMessage(2, LogLevel.Information, "Username {Username} is taken", EventName = "UsernameTaken")]
    public static partial void UsernameTaken(ILogger logger, string username);

    [LoggerMessage(3, LogLevel.Information, "Username refused: {Reason}", EventName = "UsernameInvalid")]
    public static partial void UsernameInvalid(ILogger logger, string reason);

    [LoggerMessage(4, LogLevel.Information, "{Username} broadcast message {Sequence} to {Deliveries} listeners", EventName = "MessageBroadcast")]
    public static partial void MessageBroadcast(ILogger logger, string username, long sequence, int deliveries);

    [LoggerMessage(5, LogLevel.Information, "{Username} sent direct message {Sequence} to {Recipient} ({Deliveries} streams)", EventName = "DirectMessageSent")]
    public static partial void DirectMessageSent(ILogger logger, string username, long sequence, string recipient, int deliveries);

    [LoggerMessage(6, LogLevel.Information, "Message from {Username} refused: {Outcome}", EventName = "MessageRefused")]
    public static partial void MessageRefused(ILogger logger, string username, SendOutcome outcome);

    [LoggerMessage(7, LogLevel.Warning, "A listener of {Username} was dropped: its queue of {Capacity} messages is full", EventName = "ListenerDropped")]
    public static partial void ListenerDropped(ILogger logger, string username, int capacity);

    [LoggerMessage(8, LogLevel.Information, "User {Username} left; the name is free again", EventName = "UserLeft")]
    public static partial void UserLeft(ILogger logger, string username);

    [LoggerMessage(9, LogLevel.Debug, "{Username} started listening (replaying {Backlog} messages)", EventName = "ListenStarted")]
    public static partial void ListenStarted(ILogger logger, string username, int backlog);

    [LoggerMessage(10, LogLevel.Debug, "{Username} stopped listening", EventName = "ListenStopped")]
    public static partial void ListenStopped(ILogger logger, string username);

    [LoggerMessage(11, LogLevel.Warning, "{Caller} tried to send a message as {Claimed}; refused", EventName = "ImpersonationRefused")]
    public static partial void ImpersonationRefused(ILogger logger, string caller, string claimed);

    [LoggerMessage(12, LogLevel.Warning, "Malformed {Method} request from {Peer} answered INVALID_ARGUMENT: {Reason} ({Unlogged} more since the last such line)", EventName = "MalformedRequest")]
    public static partial void MalformedRequest(ILogger logger, string method, string peer, string reason, long unlogged);

    [LoggerMessage(13, LogLevel.Information, "Registration from {Address} refused: {Reason}", EventName = "RegistrationRefused")]
    public static partial void RegistrationRefused(ILogger logger, string address, string reason);

    [LoggerMessage(14, LogLevel.Information, "{Username} broadcast message {Sequence} to the shared room", EventName = "MessagePublished")]
    public static partial void MessagePublished(ILogger logger, string username, long sequence);

    [LoggerMessage(15, LogLevel.Information, "{Username} sent direct message {Sequence} to {Recipient} through the shared room", EventName = "DirectMessagePublished")]
    public static partial void DirectMessagePublished(ILogger logger, string username, long sequence, string recipient);
}
