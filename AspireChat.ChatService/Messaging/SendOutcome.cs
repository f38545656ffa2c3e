namespace AspireChat.ChatService.Messaging;

public enum SendOutcome
{
    Sent,
    InvalidMessage,
    UnknownRecipient,
    RateLimited,
}
