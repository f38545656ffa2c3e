namespace AspireChat.ChatService.Model;

public enum PublishOutcome
{
    Published,
    // The sender's name is no longer its session's (expired, and perhaps taken by somebody else).
    SessionGone,
    UnknownRecipient,
    // A LEFT notice another replica has already sent.
    AlreadyNotified,
    // A LEFT notice for a user another replica still has online.
    StillOnline,
    // The room's operator has muted the sender (PublishResult.Mute says until when and why).
    Muted,
}
