namespace AspireChat.Client.Messaging;

/// <summary>A message for this listener: to the room, to or from this user, or a presence notice.</summary>
/// <param name="Message">The message.</param>
public sealed record ChatMessageReceived(ChatMessage Message) : ChatEvent;
