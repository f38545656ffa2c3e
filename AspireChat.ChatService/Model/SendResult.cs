namespace AspireChat.ChatService.Model;

// Accepted is the message as delivered when Outcome is Sent.
public sealed record SendResult(SendOutcome Outcome, string Message, ChatMessage? Accepted = null);
