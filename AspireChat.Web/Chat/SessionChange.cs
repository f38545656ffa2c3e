namespace AspireChat.Web.Chat;

// What changed in a ChatSession, so that only the part of the page that shows it renders again:
// a message re-renders the conversation, not the online list or the message box.
[Flags]
public enum SessionChange
{
    Lines = 1,
    Online = 2,
    Link = 4,
}
