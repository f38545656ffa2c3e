namespace AspireChat.ChatService.Model;

public enum SendOutcome
{
    Sent,
    InvalidMessage,
    UnknownRecipient,
    RateLimited,
    // The sender's session is no longer valid (a shared room's name expired): UNAUTHENTICATED.
    SessionExpired,
    // The room's operator has muted the sender: answered MUTED, with until when and why.
    Muted,
}
