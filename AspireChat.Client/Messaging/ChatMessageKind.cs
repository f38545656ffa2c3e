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
}
