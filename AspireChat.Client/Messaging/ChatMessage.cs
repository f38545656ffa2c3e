using System.Diagnostics;
using AspireChat.Conventions;

namespace AspireChat.Client.Messaging;

// A message as a listener receives it. For a direct message Recipient is set and Body is the
// text after "@name ". Trace is the receive span's context: work done in answer (a reply, say)
// belongs to the sender's trace when started under it.
public sealed record ChatMessage(
    long Sequence,
    DateTimeOffset Timestamp,
    ChatMessageKind Kind,
    string Sender,
    string Text,
    string? Recipient,
    ActivityContext Trace = default)
{
    public bool IsDirect => Recipient is not null;

    // The service's own @name rule (DirectMessages) finds where the body begins.
    public string Body => IsDirect && DirectMessages.TryParse(Text, out _, out var body) ? body : Text;
}
