using System.Diagnostics;
using AspireChat.ChatService.Backplane;
using AspireChat.ChatService.Diagnostics;
using AspireChat.ChatService.Users;
using AspireChat.Conventions;

namespace AspireChat.ChatService.Room;

// The room's shared half: what a replica does when the names and the numbering live in Redis
// (RedisBackplane), and what it does with each message the BackplaneReceiver brings back.
public sealed partial class ChatRoom
{
    // Users expired here whose LEFT notice waits until the name has expired everywhere.
    private readonly List<(ChatUser User, long Since)> _departing = [];

    // Whoever calls with a token: a session another replica issued is taken up here too.
    public async ValueTask<ChatUser?> FindByTokenAsync(string sessionToken)
    {
        var known = _users.FindByToken(sessionToken);
        if (known is not null || _backplane is null)
        {
            return known;
        }
        return SessionTokens.TryReadUsername(sessionToken, out var name) && await _backplane.FindAsync(sessionToken, name) is { } shared
            ? Adopt(shared, connectionKey: null)
            : null;
    }

    public async ValueTask<IReadOnlyList<OnlineEntry>> OnlineAsync() => _backplane is not null
        ? [.. (await _backplane.OnlineAsync()).OrderBy(u => Usernames.Key(u.Name), StringComparer.Ordinal)]
        : [.. _users.Online().Select(u => new OnlineEntry(u.Name, u.OnlineSince, _users.StreamsOf(u)))];

    // A message of the shared room, numbered by Redis: this replica's listeners get it here, in
    // sequence order (only the BackplaneReceiver calls this). Returns the streams it was queued for.
    public int Deliver(ChatMessage message)
    {
        List<Subscription>? dropped = null;
        int deliveries;
        lock (_lock)
        {
            _lastSequence = message.Sequence;
            deliveries = FanOut(message, ref dropped);
        }
        Report(message, deliveries, dropped);
        return deliveries;
    }

    // Joins (or joins again) the shared room in an epoch: its history and last sequence number.
    // Streams of an earlier epoch end, so that their clients resume in the new one.
    public void Restart(string epoch, IReadOnlyList<ChatMessage> history, long lastSequence)
    {
        lock (_lock)
        {
            if (_ready)
            {
                foreach (var subscription in _subscriptions)
                {
                    subscription.Close(SubscriptionEnd.ServiceStopping);
                }
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

    // Keeps this replica's listening users online in the shared room; ends the streams of those
    // whose name is no longer theirs; sends the LEFT notices of users gone everywhere.
    public async Task RenewSessionsAsync()
    {
        if (_backplane is null)
        {
            return;
        }
        foreach (var lost in await _backplane.RenewAsync(_users.Listening()))
        {
            EndSession(lost);
        }
        await NotifyDepartedAsync(_backplane);
    }

    // A shared name is held for a stream's lease from the moment the stream is open, not from the
    // next renewal: a replica that dies right after it still holds the name for the grace period.
    public async Task HoldNameAsync(ChatUser user)
    {
        if (_backplane is not null)
        {
            await RenewQuietlyAsync(_backplane, [(user, _users.StreamsOf(user))]);
        }
    }

    private async Task<ChatUser?> AddSharedUserAsync(RedisBackplane backplane, string name, string? sessionToken, string connectionKey, string address, Activity? activity)
    {
        if (await backplane.ClaimAsync(name, sessionToken, _users.IssueToken(name), connectionKey) is not { } shared)
        {
            return null;
        }
        var user = Adopt(shared, connectionKey, address);
        if (shared.IsNew && _floodLimits.TryNotifyPresence())
        {
            await PublishJoinedQuietlyAsync(backplane, user, activity);
        }
        return user;
    }

    private async Task<SendResult> SendSharedAsync(RedisBackplane backplane, ChatUser sender, string text, string? recipientName, Activity? activity)
    {
        var isDirect = recipientName is not null;
        string? recipient = null;
        if (isDirect)
        {
            // An unparsable name is nobody's: refused below, like a name that is not online.
            recipient = Usernames.TryNormalize(recipientName, out var normalized, out _) ? normalized : null;
            activity?.SetTag(ChatTelemetry.RecipientTag, recipient);
        }

        var published = isDirect && recipient is null
            ? new PublishResult(PublishOutcome.UnknownRecipient)
            : await backplane.PublishAsync(MessageKind.Chat, sender, text, recipient);
        switch (published.Outcome)
        {
            case PublishOutcome.UnknownRecipient:
                return Refuse(SendOutcome.UnknownRecipient, $"No user named {recipientName} is online; the message was not sent to anyone.", sender, isDirect, activity);
            case PublishOutcome.SessionGone:
                EndSession(sender);
                return Refuse(SendOutcome.SessionExpired, "Your session has expired; call AddUser again.", sender, isDirect, activity);
        }

        var message = published.Message!;
        Accepted(message, isDirect, activity);
        if (message.RecipientName is { } to)
        {
            ChatLog.DirectMessagePublished(_logger, LogText.Escape(sender.Name), message.Sequence, LogText.Escape(to));
            return new SendResult(SendOutcome.Sent, $"Sent to {to}.", message);
        }
        ChatLog.MessagePublished(_logger, LogText.Escape(sender.Name), message.Sequence);
        return new SendResult(SendOutcome.Sent, "Sent.", message);
    }

    // address: where a registration here came from; null for a session taken up from another replica.
    private ChatUser Adopt(SharedUser shared, string? connectionKey, string? address = null)
    {
        var user = _users.Adopt(shared, connectionKey, out var replaced, address);
        foreach (var stale in replaced)
        {
            EndStreams(stale);
        }
        return user;
    }

    private void EndSession(ChatUser user)
    {
        _users.Forget(user);
        EndStreams(user);
    }

    // Its name is another session's now: its streams end with UNAUTHENTICATED (register again).
    private void EndStreams(ChatUser user)
    {
        Subscription[] ended;
        lock (_lock)
        {
            ended = [.. _subscriptions.Where(s => s.User == user)];
            foreach (var subscription in ended)
            {
                subscription.Close(SubscriptionEnd.SessionEnded);
            }
        }
        if (ended.Length > 0)
        {
            BackplaneLog.SessionLost(_logger, LogText.Escape(user.Name));
        }
    }

    // A user expired here may still be online on another replica: the notice goes out once the
    // name has expired in Redis too (by whichever replica sees it first), or not at all from here
    // if another replica still has it after two grace periods (that replica sends it).
    private async Task NotifyDepartedAsync(RedisBackplane backplane)
    {
        var patience = _timeProvider.GetTimestamp() - (long)(2 * Math.Max(_options.ReconnectGracePeriod.TotalSeconds, 1) * _timeProvider.TimestampFrequency);
        _departing.AddRange(_users.RemoveExpired().Select(u => (u, _timeProvider.GetTimestamp())));
        foreach (var (user, since) in _departing.ToArray())
        {
            // Asked first, so that a user still online elsewhere spends none of the notice budget.
            var stillOnline = await backplane.FindAsync(user.SessionToken, user.Name) is not null;
            var published = !stillOnline && _floodLimits.TryNotifyPresence()
                ? await backplane.PublishAsync(MessageKind.Left, user, $"{user.Name} left", recipientName: null)
                : null;
            if (since < patience || (published is not null && published.Outcome != PublishOutcome.StillOnline))
            {
                _departing.Remove((user, since));
            }
            if (published?.Outcome == PublishOutcome.Published)
            {
                ChatLog.UserLeft(_logger, LogText.Escape(user.Name));
            }
        }
    }

    private static async Task PublishJoinedQuietlyAsync(RedisBackplane backplane, ChatUser user, Activity? activity)
    {
        try
        {
            await backplane.PublishAsync(MessageKind.Joined, user, $"{user.Name} joined", recipientName: null);
        }
        catch (StoreUnavailableException)
        {
            // A notice is best effort; the registration itself has succeeded.
            activity?.SetTag("chat.presence", "not_sent");
        }
    }

    private static async Task RenewQuietlyAsync(RedisBackplane backplane, IReadOnlyList<(ChatUser, int)> users)
    {
        try
        {
            await backplane.RenewAsync(users);
        }
        catch (StoreUnavailableException)
        {
            // The next renewal (IdleUserSweeper) tries again.
        }
    }
}
