namespace AspireChat.ChatService.Model;

public enum SendOutcome
{
    Sent,
    InvalidMessage,
    UnknownRecipient,
    RateLimited,
    // The sender's session is no longer valid (a shared room's name expired): UNAUTHENTICATED.
    SessionExpired,
}
