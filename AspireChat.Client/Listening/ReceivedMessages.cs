using System.Diagnostics;
using AspireChat.Client.Diagnostics;
using AspireChat.Client.Messaging;
using AspireChat.Protocol;

namespace AspireChat.Client.Listening;

// A message off the wire as the listener's caller sees it, with its receive span.
internal static class ReceivedMessages
{
    public static ChatMessage ToChatMessage(Message message, string? listener) => new(
        (long)message.Sequence,
        message.Timestamp?.ToDateTimeOffset() ?? DateTimeOffset.UtcNow,
        message.Kind switch
        {
            Message.Types.Kind.Joined => ChatMessageKind.Joined,
            Message.Types.Kind.Left => ChatMessageKind.Left,
            Message.Types.Kind.Announcement => ChatMessageKind.Announcement,
            _ => ChatMessageKind.Chat,
        },
        message.User?.Username ?? "",
        message.Msg,
        message.Recipient?.Username is { Length: > 0 } recipient ? recipient : null,
        TraceReceived(message, listener));

    // The receive span continues the trace the message carries: sender, service, every receiver.
    private static ActivityContext TraceReceived(Message message, string? listener)
    {
        if (!ActivityContext.TryParse(message.Traceparent, message.Tracestate, isRemote: true, out var parent))
        {
            return default;
        }
        using var activity = ChatClientTelemetry.Source.StartActivity(ChatClientTelemetry.ReceiveSpan, ActivityKind.Consumer, parent);
        activity?.SetTag("chat.user", listener);
        activity?.SetTag("chat.sender", message.User?.Username);
        activity?.SetTag("chat.sequence", (long)message.Sequence);
        activity?.SetTag("chat.kind", message.Kind == Message.Types.Kind.Announcement ? "announcement" : message.Recipient is null ? "broadcast" : "direct");
        return activity?.Context ?? parent;
    }
}
