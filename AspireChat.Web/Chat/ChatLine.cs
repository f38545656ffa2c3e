namespace AspireChat.Web.Chat;

// One line of the page's room, as received: Sender and Text are the users' own strings, shown
// only through InertText.
public sealed record ChatLine(long Id, DateTimeOffset Time, ChatLineKind Kind, string Sender, string Text, string? Recipient = null);
