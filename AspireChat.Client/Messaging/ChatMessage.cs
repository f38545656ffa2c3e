using System.Diagnostics;
using AspireChat.Conventions;

namespace AspireChat.Client.Messaging;

/// <summary>A message as a listener receives it.</summary>
/// <param name="Sequence">Its number in the service's order, from 1 (again from 1 after the service restarts).</param>
/// <param name="Timestamp">When the service accepted it.</param>
/// <param name="Kind">A chat message, a presence notice or an announcement of the room's.</param>
/// <param name="Sender">Who sent it (or joined, or left); the reserved name <c>room</c> for an announcement.</param>
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

    /// <summary>Whether it comes from the room's operator rather than a user: show it as a notice from the room.</summary>
    public bool IsAnnouncement => Kind == ChatMessageKind.Announcement;

    /// <summary>
    /// Whether it is the operator's word to this user alone that they are disconnected, and why:
    /// the listening then ends with a <see cref="Connection.ChatDisconnectedException"/> carrying
    /// the same reason, so a client that shows that need not show this too.
    /// </summary>
    public bool IsDisconnectNotice => IsAnnouncement && IsDirect;

    /// <summary>The text without the "@name " of a direct message; the whole text otherwise.</summary>
    // The service's own @name rule (DirectMessages) finds where the body begins. An
    // announcement's text is all body, whoever it is for.
    public string Body => IsDirect && !IsAnnouncement && DirectMessages.TryParse(Text, out _, out var body) ? body : Text;
}
