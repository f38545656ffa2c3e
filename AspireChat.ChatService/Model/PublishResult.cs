namespace AspireChat.ChatService.Model;

// What a room store did with a message: numbered it (Message), or why not. Deliveries is how many
// of this process's streams it was queued for, when the store delivers here at once; null when it
// reaches the streams later (through the shared room). Mute is set when the sender is muted.
// A struct: a send allocates no result.
public readonly record struct PublishResult(PublishOutcome Outcome, ChatMessage? Message = null, int? Deliveries = null, Mute? Mute = null);
