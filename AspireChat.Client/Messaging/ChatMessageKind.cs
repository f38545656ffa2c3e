namespace AspireChat.Client.Messaging;

/// <summary>What a <see cref="ChatMessage"/> is.</summary>
public enum ChatMessageKind
{
    /// <summary>Something a user said.</summary>
    Chat,

    /// <summary>A user came online (with presence notices on).</summary>
    Joined,

    /// <summary>A user went offline (with presence notices on).</summary>
    Left,

    /// <summary>
    /// A notice from the room's operator, not from a user: its sender is the reserved name
    /// <c>room</c>, which no user can take. Sent to every listener, presence notices on or off;
    /// one with a <see cref="ChatMessage.Recipient"/> is the disconnect notice
    /// (<see cref="ChatMessage.IsDisconnectNotice"/>).
    /// </summary>
    Announcement,
}
