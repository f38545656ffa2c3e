using AspireChat.ChatService.Configuration;
using AspireChat.ChatService.Diagnostics;
using AspireChat.ChatService.Model;
using Microsoft.Extensions.Options;

namespace AspireChat.ChatService.Room;

// This process's listeners and the recent history: every store hands it each message of the room
// in sequence order (the in-memory store as it numbers one, Redis's receiver as one comes back).
// Delivery happens under one lock so every listener sees the same order; it only calls TryWrite
// on bounded queues, never awaits, so the lock is held for microseconds.
public sealed class RoomFanOut(IOptions<ChatOptions> options, ChatTelemetry telemetry, ILogger<RoomFanOut> logger)
{
    private readonly Lock _lock = new();
    private readonly List<Subscription> _subscriptions = [];
    // The same subscriptions by user id: a direct message or a disconnect notice is for one user's
    // streams, found without walking everybody's.
    private readonly Dictionary<long, List<Subscription>> _byUser = [];
    private readonly ChatOptions _options = options.Value;
    private MessageHistory _history = new(options.Value.HistorySize);
    private long _lastSequence;
    private bool _stopping;
    // Listeners are served once the store has started an epoch (a replica has joined the room).
    private bool _ready;

    // Identifies the room's run: sequence numbers start again with every epoch.
    public string Epoch { get; private set; } = "";

    // Starts (or starts again) an epoch with its history and last sequence number. Streams of an
    // earlier epoch end, so that their clients resume in the new one.
    public void Restart(string epoch, IReadOnlyList<ChatMessage> history, long lastSequence)
    {
        lock (_lock)
        {
            if (_ready)
            {
                CloseAll(SubscriptionEnd.ServiceStopping);
            }
            Epoch = epoch;
            _history = new MessageHistory(_options.HistorySize);
            foreach (var message in history)
            {
                _history.Add(message);
            }
            _lastSequence = lastSequence;
            _ready = true;
        }
    }

    // Queues the message for its listeners; returns how many streams it was queued for.
    public int Deliver(ChatMessage message)
    {
        var deliveries = Deliver(message, out var dropped);
        Report(message, deliveries, dropped);
        return deliveries;
    }

    // The lock's part of Deliver, for a store that numbers under a lock of its own: Report the
    // result once that lock is released.
    public int Deliver(ChatMessage message, out List<Subscription>? dropped)
    {
        dropped = null;
        lock (_lock)
        {
            _lastSequence = message.Sequence;
            return FanOut(message, ref dropped);
        }
    }

    public void Report(ChatMessage message, int deliveries, List<Subscription>? dropped)
    {
        telemetry.Deliveries.Add(deliveries);
        if (message.Kind != MessageKind.Chat)
        {
            var kind = message.Kind switch
            {
                MessageKind.Announcement => "announcement",
                MessageKind.Disconnect => "disconnect",
                _ => "presence",
            };
            telemetry.Messages.Add(1, new(ChatTelemetry.KindTag, kind), new(ChatTelemetry.OutcomeTag, "sent"));
        }
        foreach (var subscription in dropped ?? [])
        {
            telemetry.DroppedListeners.Add(1);
            ChatLog.ListenerDropped(logger, LogText.Escape(subscription.User.Name), _options.ListenerQueueCapacity);
        }
    }

    // False until the store has started an epoch. Registered before the history is read, under
    // the same lock: the backlog ends exactly where the live queue begins, with no gap and no
    // duplicate.
    public bool TryAdd(Subscription subscription, ListenSettings listen, IRoomStore store)
    {
        lock (_lock)
        {
            if (!_ready)
            {
                return false;
            }
            _subscriptions.Add(subscription);
            AddToUser(subscription);
            subscription.StartSequence = _lastSequence;
            if (subscription.User.Removed)
            {
                // Its session ended (disconnected by the operator, or its name another's) after the
                // stream was let in, and before it was here to be told.
                subscription.Close(SubscriptionEnd.SessionEnded);
            }
            if (listen.ResumeAfter is { } after)
            {
                Resume(subscription, after, listen.ResumeEpoch, store);
            }
            else if (listen.History > 0)
            {
                subscription.Backlog = _history.Last(listen.History, subscription.Accepts);
            }
            if (_stopping)
            {
                subscription.Close(SubscriptionEnd.ServiceStopping);
            }
            return true;
        }
    }

    public void Remove(Subscription subscription)
    {
        lock (_lock)
        {
            if (_subscriptions.Remove(subscription))
            {
                RemoveFromUser(subscription);
            }
        }
    }

    // Ends the user's streams here; returns how many.
    public int Close(ChatUser user, SubscriptionEnd reason)
    {
        lock (_lock)
        {
            var closed = 0;
            foreach (var subscription in (_byUser.GetValueOrDefault(user.Id) ?? []).Where(s => s.User == user))
            {
                subscription.Close(reason);
                closed++;
            }
            return closed;
        }
    }

    // Ends every subscription so Listen calls finish before the server stops.
    public void Stop()
    {
        lock (_lock)
        {
            _stopping = true;
            CloseAll(SubscriptionEnd.ServiceStopping);
        }
    }

    // Under the lock.
    private void Resume(Subscription subscription, long after, string? epoch, IRoomStore store)
    {
        // A resume point from an earlier epoch means nothing here: replay all we have.
        if (!string.IsNullOrEmpty(epoch) && epoch != Epoch)
        {
            after = 0;
        }
        subscription.Backlog = _history.After(after, subscription.Accepts, out var missed);
        subscription.Missed = missed;
        subscription.SkipThrough = store.SkipThrough(after);
    }

    // Under the lock.
    private void CloseAll(SubscriptionEnd reason)
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Close(reason);
        }
    }

    // Under the lock. Presence notices and disconnect notices are live only: they never push chat
    // messages or announcements out of the history.
    private int FanOut(ChatMessage message, ref List<Subscription>? dropped)
    {
        if (message.Kind is MessageKind.Chat or MessageKind.Announcement)
        {
            _history.Add(message);
        }
        // A direct message and a disconnect notice reach their recipient's streams alone.
        var targets = message is { RecipientId: { } recipient, Kind: MessageKind.Chat or MessageKind.Disconnect }
            ? _byUser.GetValueOrDefault(recipient) ?? []
            : _subscriptions;
        var deliveries = 0;
        foreach (var subscription in targets)
        {
            if (subscription.End != SubscriptionEnd.None || !subscription.Accepts(message))
            {
                continue;
            }
            if (subscription.TryDeliver(message))
            {
                deliveries++;
            }
            else
            {
                (dropped ??= []).Add(subscription);
            }
        }
        if (message.Kind == MessageKind.Disconnect)
        {
            EndDisconnected(message);
        }
        return deliveries;
    }

    // Under the lock, once the notice is queued: the recipient's streams here end after it,
    // including one that had already seen past its number (a resumed stream).
    private void EndDisconnected(ChatMessage notice)
    {
        foreach (var subscription in _byUser.GetValueOrDefault(notice.RecipientId ?? 0) ?? [])
        {
            subscription.Disconnect(notice.Text);
        }
    }

    // Under the lock.
    private void AddToUser(Subscription subscription)
    {
        if (!_byUser.TryGetValue(subscription.User.Id, out var streams))
        {
            _byUser[subscription.User.Id] = streams = [];
        }
        streams.Add(subscription);
    }

    // Under the lock.
    private void RemoveFromUser(Subscription subscription)
    {
        if (_byUser.TryGetValue(subscription.User.Id, out var streams) && streams.Remove(subscription) && streams.Count == 0)
        {
            _byUser.Remove(subscription.User.Id);
        }
    }
}
