using System.Diagnostics;
using AspireChat.Conventions;

namespace AspireChat.Client.Messaging;

/// <summary>A message as a listener receives it.</summary>
/// <param name="Sequence">Its number in the service's order, from 1 (again from 1 after the service restarts).</param>
/// <param name="Timestamp">When the service accepted it.</param>
/// <param name="Kind">A chat message or a presence notice.</param>
/// <param name="Sender">Who sent it (or joined, or left).</param>
/// <param name="Text">The text as sent, with "@name " at the start of a direct message.</param>
/// <param name="Recipient">The one user a direct message is for; null for the room.</param>
/// <param name="Trace">
/// The receive span's context: work done in answer (a reply, say) belongs to the sender's trace
/// when started under it.
/// </param>
public sealed record ChatMessage(
    long Sequence,
    DateTimeOffset Timestamp,
    ChatMessageKind Kind,
    string Sender,
    string Text,
    string? Recipient,
    ActivityContext Trace = default)
{
    /// <summary>Whether it is for one user (<see cref="Recipient"/>) rather than the room.</summary>
    public bool IsDirect => Recipient is not null;

    /// <summary>The text without the "@name " of a direct message; the whole text otherwise.</summary>
    // The service's own @name rule (DirectMessages) finds where the body begins.
    public string Body => IsDirect && DirectMessages.TryParse(Text, out _, out var body) ? body : Text;
}
