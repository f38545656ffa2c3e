namespace AspireChat.ChatService.Model;

// An accepted message, as every listener receives it. RecipientId is set for a direct message;
// TraceParent/TraceState carry the trace of the span that accepted it.
public sealed record ChatMessage(
    long Sequence,
    DateTimeOffset Timestamp,
    MessageKind Kind,
    string Sender,
    string Text,
    long? RecipientId = null,
    string? RecipientName = null,
    string? TraceParent = null,
    string? TraceState = null);
