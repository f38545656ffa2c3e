namespace AspireChat.Client.Messaging;

public enum SendOutcome
{
    Sent,
    UnknownRecipient,
    InvalidMessage,
    RateLimited,
}
