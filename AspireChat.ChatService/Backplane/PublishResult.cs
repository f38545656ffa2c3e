using AspireChat.ChatService.Messaging;

namespace AspireChat.ChatService.Backplane;

// What the backplane did with a message: numbered it (Message), or why not.
public sealed record PublishResult(PublishOutcome Outcome, ChatMessage? Message = null);
