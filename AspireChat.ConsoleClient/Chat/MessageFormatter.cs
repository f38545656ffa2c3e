using AspireChat.Client.Messaging;
using AspireChat.ConsoleClient.Terminal;
using AspireChat.Protocol;

namespace AspireChat.ConsoleClient.Chat;

// How a message reads on screen: "alice: hi", "alice → you: psst", "* bob joined".
public static class MessageFormatter
{
    public static (string Text, LineKind Kind) Format(ChatMessage message, string? me) => message switch
    {
        { Kind: ChatMessageKind.Joined } => ($"* {message.Sender} joined", LineKind.Notice),
        { Kind: ChatMessageKind.Left } => ($"* {message.Sender} left", LineKind.Notice),
        { IsDirect: true } when ChatConventions.SameUsername(message.Recipient, me) => ($"{message.Sender} → you: {message.Body}", LineKind.Direct),
        { IsDirect: true } => ($"{message.Sender} → {message.Recipient}: {message.Body}", LineKind.Direct),
        _ => ($"{message.Sender}: {message.Text}", LineKind.Chat),
    };

    // The local echo of the user's own direct message, which the room does not send back.
    public static bool TryFormatOwnDirect(string text, string? me, out string echo)
    {
        echo = "";
        // The service's own @name rule (ChatConventions): what it delivers privately echoes here.
        if (!ChatConventions.TryParseDirect(text, out var recipient, out var body) || ChatConventions.SameUsername(recipient, me))
        {
            return false;
        }
        echo = $"you → {recipient}: {body}";
        return true;
    }
}
