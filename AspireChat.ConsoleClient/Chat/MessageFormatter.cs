using AspireChat.Client.Messaging;
using AspireChat.ConsoleClient.Terminal;

namespace AspireChat.ConsoleClient.Chat;

// How a message reads on screen: "alice: hi", "alice → you: psst", "* bob joined".
public static class MessageFormatter
{
    public static (string Text, LineKind Kind) Format(ChatMessage message, string? me) => message switch
    {
        { Kind: ChatMessageKind.Joined } => ($"* {message.Sender} joined", LineKind.Notice),
        { Kind: ChatMessageKind.Left } => ($"* {message.Sender} left", LineKind.Notice),
        { IsDirect: true } when string.Equals(message.Recipient, me, StringComparison.OrdinalIgnoreCase) => ($"{message.Sender} → you: {message.Body}", LineKind.Direct),
        { IsDirect: true } => ($"{message.Sender} → {message.Recipient}: {message.Body}", LineKind.Direct),
        _ => ($"{message.Sender}: {message.Text}", LineKind.Chat),
    };

    // The local echo of the user's own direct message, which the room does not send back.
    public static bool TryFormatOwnDirect(string text, string? me, out string echo)
    {
        echo = "";
        if (text.Length < 2 || text[0] != '@')
        {
            return false;
        }
        var end = text.AsSpan().IndexOfAny(' ', '\t');
        if (end < 2 || string.Equals(text[1..end], me, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        echo = $"you → {text[1..end]}: {text[(end + 1)..].Trim()}";
        return true;
    }
}
