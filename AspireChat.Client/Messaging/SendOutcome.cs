namespace AspireChat.Client.Messaging;

/// <summary>How a send ended.</summary>
public enum SendOutcome
{
    /// <summary>Accepted and delivered to the room or the recipient.</summary>
    Sent,

    /// <summary>A direct message to a name that is not online.</summary>
    UnknownRecipient,

    /// <summary>The text breaks the message rules; the result's message says which.</summary>
    InvalidMessage,

    /// <summary>Too many messages for now: try again later.</summary>
    RateLimited,

    /// <summary>
    /// The room's operator has muted this user for a while: nothing they send is delivered until
    /// then. The result's message says why and until when.
    /// </summary>
    Muted,
}
