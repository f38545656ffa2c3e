namespace AspireChat.ChatService.Model;

public enum SubscriptionEnd
{
    None,
    // The listener's queue filled up: it fell too far behind and was dropped.
    TooSlow,
    ServiceStopping,
    // The user's name is no longer this session's (a shared room's name expired).
    SessionEnded,
    // The room's operator disconnected the user (MessageKind.Disconnect says why).
    Disconnected,
}
