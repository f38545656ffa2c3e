using System.Text;
using AspireChat.Client.Messaging;
using AspireChat.ConsoleClient.Terminal;
using AspireChat.Protocol;

namespace AspireChat.ConsoleClient.Chat;

// How a message reads on screen: "alice: hi", "alice → you: psst", "* bob joined". A message of
// several lines shows each line after its first behind ContinuationMarker, so no line of it can
// pass for another user's message or a notice; control characters and bidirectional overrides
// are shown as '�', so a message cannot move the cursor, recolour the terminal or reverse text.
public static class MessageFormatter
{
    public const string ContinuationMarker = "  | ";

    public static (string Text, LineKind Kind) Format(ChatMessage message, string? me) => message switch
    {
        { Kind: ChatMessageKind.Joined } => ($"* {Clean(message.Sender)} joined", LineKind.Notice),
        { Kind: ChatMessageKind.Left } => ($"* {Clean(message.Sender)} left", LineKind.Notice),
        { IsDirect: true } when ChatConventions.SameUsername(message.Recipient, me) => (Lines($"{Clean(message.Sender)} → you: ", message.Body), LineKind.Direct),
        { IsDirect: true } => (Lines($"{Clean(message.Sender)} → {Clean(message.Recipient!)}: ", message.Body), LineKind.Direct),
        _ => (Lines($"{Clean(message.Sender)}: ", message.Text), LineKind.Chat),
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
        echo = Lines($"you → {Clean(recipient)}: ", body);
        return true;
    }

    // The head, then the text's lines: every line break (\n, \r\n, U+2028 ...) starts a marked
    // continuation line.
    private static string Lines(string head, string text) =>
        head + string.Join("\n" + ContinuationMarker, text.ReplaceLineEndings("\n").Split('\n').Select(Clean));

    private static string Clean(string text)
    {
        if (!text.Any(IsUnsafe))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(IsUnsafe(c) ? '\ufffd' : c);
        }
        return builder.ToString();
    }

    private static bool IsUnsafe(char c) =>
        (char.IsControl(c) && c != '\t') || c is (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');
}
