using System.Diagnostics;
using AspireChat.ChatService.Diagnostics;
using AspireChat.ChatService.Model;

namespace AspireChat.ChatService.Room;

// How each message a user sends ends: the answer for the caller, with its span's tags, the
// chat.messages metric and a log line (never the text).
public sealed class SendOutcomes(ChatTelemetry telemetry, ILogger logger)
{
    public SendResult Refused(SendOutcome outcome, string reason, ChatUser sender, bool isDirect, Activity? activity)
    {
        var outcomeName = outcome switch
        {
            SendOutcome.InvalidMessage => "invalid_message",
            SendOutcome.UnknownRecipient => "unknown_recipient",
            SendOutcome.RateLimited => "rate_limited",
            SendOutcome.SessionExpired => "session_expired",
            SendOutcome.Muted => "muted",
            _ => "sent",
        };
        activity?.SetTag(ChatTelemetry.OutcomeTag, outcomeName);
        telemetry.Messages.Add(1, new(ChatTelemetry.KindTag, isDirect ? "direct" : "broadcast"), new(ChatTelemetry.OutcomeTag, outcomeName));
        ChatLog.MessageRefused(logger, LogText.Escape(sender.Name), outcome);
        return new SendResult(outcome, reason);
    }

    public SendResult Sent(ChatUser sender, PublishResult published, bool isDirect, Activity? activity)
    {
        var message = published.Message!;
        activity?.SetTag(ChatTelemetry.SequenceTag, message.Sequence);
        activity?.SetTag(ChatTelemetry.OutcomeTag, "sent");
        telemetry.Messages.Add(1, new(ChatTelemetry.KindTag, isDirect ? "direct" : "broadcast"), new(ChatTelemetry.OutcomeTag, "sent"));
        if (message.RecipientName is { } to)
        {
            activity?.SetTag(ChatTelemetry.RecipientTag, to);
        }
        LogSent(sender, message, published.Deliveries, activity);
        return message.RecipientName is { } recipient
            ? new SendResult(SendOutcome.Sent, $"Sent to {recipient}.", message)
            : new SendResult(SendOutcome.Sent, "Sent.", message);
    }

    // A store that delivers here at once knows how many streams a message reached; a shared room
    // delivers it later, on every replica.
    private void LogSent(ChatUser sender, ChatMessage message, int? deliveries, Activity? activity)
    {
        var from = LogText.Escape(sender.Name);
        var to = message.RecipientName is { } recipient ? LogText.Escape(recipient) : null;
        if (deliveries is not { } count)
        {
            LogPublished(from, message.Sequence, to);
            return;
        }
        activity?.SetTag(ChatTelemetry.DeliveriesTag, count);
        if (to is null)
        {
            ChatLog.MessageBroadcast(logger, from, message.Sequence, count);
        }
        else
        {
            ChatLog.DirectMessageSent(logger, from, message.Sequence, to, count);
        }
    }

    private void LogPublished(string from, long sequence, string? to)
    {
        if (to is null)
        {
            ChatLog.MessagePublished(logger, from, sequence);
        }
        else
        {
            ChatLog.DirectMessagePublished(logger, from, sequence, to);
        }
    }
}
