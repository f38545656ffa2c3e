using AspireChat.ChatService.Diagnostics;
using AspireChat.ChatService.Model;
using AspireChat.Protocol;
using Google.Protobuf.WellKnownTypes;

namespace AspireChat.ChatService.Wire;

// A ChatMessage as the wire contract's Message, both ways: what a Listen stream writes, and what
// replicas pass each other through Redis. The operator's notices are both ANNOUNCEMENT on the
// wire: one to everybody, or one with a recipient (the user told why they were disconnected).
internal static class ChatMessageProto
{
    public static Message ToProto(ChatMessage message)
    {
        var proto = new Message
        {
            Msg = message.Text,
            User = new User { Username = message.Sender },
            Sequence = (ulong)message.Sequence,
            Timestamp = Timestamp.FromDateTimeOffset(message.Timestamp),
            Traceparent = message.TraceParent ?? "",
            // Bounded where the context came in too; here it cannot leave unbounded, whatever made it.
            Tracestate = BoundedTraceContext.Bound(message.TraceState) ?? "",
            Kind = message.Kind switch
            {
                MessageKind.Joined => Message.Types.Kind.Joined,
                MessageKind.Left => Message.Types.Kind.Left,
                MessageKind.Announcement or MessageKind.Disconnect => Message.Types.Kind.Announcement,
                _ => Message.Types.Kind.Chat,
            },
        };
        if (message.RecipientName is { } recipient)
        {
            proto.Recipient = new User { Username = recipient };
        }
        return proto;
    }

    // The sequence number and the recipient come from elsewhere (the Redis store's framing).
    public static ChatMessage FromProto(Message proto, long sequence, long? recipientId, string? recipientName) => new(
        sequence,
        proto.Timestamp?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch,
        proto.Kind switch
        {
            Message.Types.Kind.Joined => MessageKind.Joined,
            Message.Types.Kind.Left => MessageKind.Left,
            Message.Types.Kind.Announcement when recipientId is not null || recipientName is not null || proto.Recipient is not null => MessageKind.Disconnect,
            Message.Types.Kind.Announcement => MessageKind.Announcement,
            _ => MessageKind.Chat,
        },
        proto.User?.Username ?? "",
        proto.Msg,
        recipientId,
        recipientName,
        proto.Traceparent is { Length: > 0 } traceParent ? traceParent : null,
        proto.Tracestate is { Length: > 0 } traceState ? traceState : null);
}
