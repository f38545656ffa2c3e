using AspireChat.Client.Messaging;
using AspireChat.ConsoleClient.Terminal;
using AspireChat.Conventions;

namespace AspireChat.ConsoleClient.Chat;

// How a message reads: "alice: hi", "alice → you: psst", "* bob joined", and the room's
// operator's announcement as a notice, "* room: the room closes at noon". Names are made inert
// here (DisplayText.Inert), so a line break in a name cannot start a line; the text keeps its
// line breaks, which the terminal shows as marked continuation rows (DisplayText.Rows).
public static class MessageFormatter
{
    public static (string Text, LineKind Kind) Format(ChatMessage message, string? me) => message switch
    {
        { IsAnnouncement: true } => ($"* {Name(message.Sender)}: {message.Body}", LineKind.Notice),
        { Kind: ChatMessageKind.Joined } => ($"* {Name(message.Sender)} joined", LineKind.Notice),
        { Kind: ChatMessageKind.Left } => ($"* {Name(message.Sender)} left", LineKind.Notice),
        { IsDirect: true } when Usernames.Same(message.Recipient, me) => ($"{Name(message.Sender)} → you: {message.Body}", LineKind.Direct),
        { IsDirect: true } => ($"{Name(message.Sender)} → {Name(message.Recipient!)}: {message.Body}", LineKind.Direct),
        _ => ($"{Name(message.Sender)}: {message.Text}", LineKind.Chat),
    };

    // The local echo of the user's own direct message, which the room does not send back.
    public static bool TryFormatOwnDirect(string text, string? me, out string echo)
    {
        echo = "";
        // The service's own @name rule (DirectMessages): what it delivers privately echoes here.
        if (!DirectMessages.TryParse(text, out var recipient, out var body) || Usernames.Same(recipient, me))
        {
            return false;
        }
        echo = $"you → {Name(recipient)}: {body}";
        return true;
    }

    private static string Name(string name) => InertText.Of(name);
}
