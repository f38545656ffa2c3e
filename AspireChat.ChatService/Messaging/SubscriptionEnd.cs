namespace AspireChat.ChatService.Messaging;

public enum SubscriptionEnd
{
    None,
    // The listener's queue filled up: it fell too far behind and was dropped.
    TooSlow,
    ServiceStopping,
}
