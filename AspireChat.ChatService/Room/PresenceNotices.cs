using System.Diagnostics;
using AspireChat.ChatService.Diagnostics;
using AspireChat.ChatService.Model;

namespace AspireChat.ChatService.Room;

// JOINED and LEFT notices, within the room-wide budget (FloodLimits): past the burst, notices are
// counted, not sent. The stores call it when their names come and go, in their own order.
public sealed class PresenceNotices(IRoomStore store, FloodLimits limits, ChatTelemetry telemetry, ILogger logger)
{
    // Best effort: the registration has succeeded whatever becomes of its notice.
    public async ValueTask JoinedAsync(ChatUser user)
    {
        if (!TrySpend())
        {
            return;
        }
        try
        {
            await store.PublishAsync(MessageKind.Joined, user, $"{user.Name} joined", recipientName: null);
        }
        catch (StoreUnavailableException)
        {
            // Said on the registration's span, when it is traced.
            if (Activity.Current is { } registering && registering.Source == telemetry.Source)
            {
                registering.SetTag("chat.presence", "not_sent");
            }
        }
    }

    // The store's answer, or null when the budget withheld the notice.
    public async ValueTask<PublishOutcome?> LeftAsync(ChatUser user)
    {
        if (!TrySpend())
        {
            return null;
        }
        var published = await store.PublishAsync(MessageKind.Left, user, $"{user.Name} left", recipientName: null);
        return published.Outcome;
    }

    // Said by the store that knows the name is free: the notice may have been withheld, or may be
    // another replica's to send.
    public void NameFreed(ChatUser user) => ChatLog.UserLeft(logger, LogText.Escape(user.Name));

    private bool TrySpend()
    {
        if (limits.TryNotifyPresence())
        {
            return true;
        }
        telemetry.Messages.Add(1, new(ChatTelemetry.KindTag, "presence"), new(ChatTelemetry.OutcomeTag, "suppressed"));
        return false;
    }
}
