using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using AspireChat.ChatService.Backplane;
using AspireChat.ChatService.Configuration;
using AspireChat.ChatService.Diagnostics;
using AspireChat.ChatService.Users;
using AspireChat.Conventions;
using Microsoft.Extensions.Options;

namespace AspireChat.ChatService.Room;

// The room: registers users, accepts messages, numbers them and fans them out to the
// subscriptions. Publishing happens under one lock so every listener sees the same order; it only
// calls TryWrite on bounded queues, never awaits, so the lock is held for microseconds.
// With a backplane (replicas sharing one room through Redis), Redis registers the names and
// numbers the messages, and the BackplaneReceiver brings every message back here to fan out.
public sealed partial class ChatRoom : IDisposable
{
    private readonly Lock _lock = new();
    // Orders registrations, expiries and their JOINED/LEFT notices (taken before the registry's
    // lock and this room's lock, never after).
    private readonly Lock _presenceLock = new();
    private readonly List<Subscription> _subscriptions = [];
    private readonly RedisBackplane? _backplane;
    private MessageHistory _history;
    private readonly PartitionedRateLimiter<ChatUser> _rateLimiter;
    private readonly FloodLimits _floodLimits;
    private readonly UserRegistry _users;
    private readonly ChatOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ChatTelemetry _telemetry;
    private readonly ILogger<ChatRoom> _logger;
    private long _lastSequence;
    private bool _stopping;
    // A shared room serves listeners once this replica has joined it (BackplaneReceiver).
    private bool _ready;

    public ChatRoom(UserRegistry users, IOptions<ChatOptions> options, TimeProvider timeProvider, ChatTelemetry telemetry, ILogger<ChatRoom> logger, RedisBackplane? backplane = null)
    {
        _users = users;
        _backplane = backplane;
        _options = options.Value;
        _timeProvider = timeProvider;
        _telemetry = telemetry;
        _logger = logger;
        _history = new MessageHistory(_options.HistorySize);
        _ready = backplane is null;
        _floodLimits = new FloodLimits(_options);
        _rateLimiter = PartitionedRateLimiter.Create<ChatUser, long>(user => RateLimitPartition.GetTokenBucketLimiter(user.Id, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = _options.MessageBurst,
            TokensPerPeriod = _options.MessagesPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        }));
    }

    public UserRegistry Users => _users;

    // Identifies this room's run: sequence numbers start again with every epoch. A shared room's
    // is the backplane's, set when this replica joins it (Restart).
    public string Epoch { get; private set; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public async ValueTask<AddUserResult> AddUserAsync(string? requestedName, string? sessionToken, string connectionKey, CallOrigin origin)
    {
        using var activity = _telemetry.Source.StartActivity(ChatTelemetry.AddUserSpan);

        if (_floodLimits.TryRegister(origin) is { } tooMany)
        {
            activity?.SetTag(ChatTelemetry.OutcomeTag, "rate_limited");
            ChatLog.RegistrationRefused(_logger, LogText.Escape(origin.Address), LogText.Escape(tooMany));
            return new AddUserResult(AddUserOutcome.RateLimited, tooMany);
        }

        if (!Usernames.TryNormalize(requestedName, out var name, out var error))
        {
            activity?.SetTag(ChatTelemetry.OutcomeTag, "invalid_username");
            ChatLog.UsernameInvalid(_logger, LogText.Escape(error));
            return new AddUserResult(AddUserOutcome.InvalidUsername, error);
        }

        activity?.SetTag(ChatTelemetry.UserTag, name);
        if (_users.IsAddressFull(origin.Address, name))
        {
            return AddressFull(origin, activity);
        }
        var held = false;
        var full = false;
        var user = _backplane is not null
            ? await AddSharedUserAsync(_backplane, name, sessionToken, connectionKey, origin.Address, activity)
            : AddLocalUser(name, sessionToken, connectionKey, origin.Address, activity, out held, out full);
        if (user is null)
        {
            return full ? AddressFull(origin, activity) : Taken(name, held, activity);
        }
        activity?.SetTag(ChatTelemetry.OutcomeTag, "added");
        ChatLog.UserAdded(_logger, LogText.Escape(user.Name));
        return new AddUserResult(AddUserOutcome.Added, $"User {user.Name} created.", user);
    }

    private ChatUser? AddLocalUser(string name, string? sessionToken, string connectionKey, string address, Activity? activity, out bool held, out bool addressFull)
    {
        lock (_presenceLock)
        {
            var registration = _users.Register(name, sessionToken, connectionKey, address);
            held = registration.Held;
            addressFull = registration.AddressFull;
            if (registration.Expired is { } expired)
            {
                Leave(expired);
            }
            if (registration.User is { } user && registration.IsNew)
            {
                PublishPresence(MessageKind.Joined, user.Name, $"{user.Name} joined", activity);
            }
            return registration.User;
        }
    }

    public async ValueTask<SendResult> SendAsync(ChatUser sender, string? text, CallOrigin origin)
    {
        text ??= "";
        // CheckText refuses a text far too long, and nothing reads it before that.
        var recipientName = "";
        var body = "";
        var isDirect = !IsFarTooLong(text) && DirectMessages.TryParse(text, out recipientName, out body);
        using var activity = _telemetry.Source.StartActivity(isDirect ? ChatTelemetry.DirectMessageSpan : ChatTelemetry.BroadcastSpan);
        activity?.SetTag(ChatTelemetry.UserTag, sender.Name);
        activity?.SetTag(ChatTelemetry.KindTag, isDirect ? "direct" : "broadcast");
        _users.Touch(sender);

        if (CheckText(text) is { } problem)
        {
            return Refuse(SendOutcome.InvalidMessage, problem, sender, isDirect, activity);
        }
        if (isDirect && string.IsNullOrWhiteSpace(body))
        {
            // "@bob\u200bsecret" is all name: a name nobody can have, so nobody gets it.
            return Usernames.TryNormalize(recipientName, out _, out _)
                ? Refuse(SendOutcome.InvalidMessage, $"A direct message to {recipientName} needs some text after the name.", sender, isDirect, activity)
                : Refuse(SendOutcome.UnknownRecipient, $"No user named {recipientName} is online; the message was not sent to anyone.", sender, isDirect, activity);
        }

        using var lease = _rateLimiter.AttemptAcquire(sender);
        if (!lease.IsAcquired)
        {
            return Refuse(SendOutcome.RateLimited, $"Slow down: at most {_options.MessagesPerSecond} messages a second, in bursts of up to {_options.MessageBurst}.", sender, isDirect, activity);
        }
        if (_floodLimits.TrySend(origin) is { } tooMany)
        {
            return Refuse(SendOutcome.RateLimited, tooMany, sender, isDirect, activity);
        }

        if (_backplane is not null)
        {
            return await SendSharedAsync(_backplane, sender, text, isDirect ? recipientName : null, activity);
        }

        ChatUser? recipient = null;
        if (isDirect)
        {
            recipient = Usernames.TryNormalize(recipientName, out var normalized, out _) ? _users.FindByName(normalized) : null;
            // Only a real username is tagged: an unparsable "recipient" may be part of the text.
            activity?.SetTag(ChatTelemetry.RecipientTag, recipient?.Name ?? normalized);
            if (recipient is null)
            {
                // Never fall back to a broadcast: a typo must not leak a private message.
                return Refuse(SendOutcome.UnknownRecipient, $"No user named {recipientName} is online; the message was not sent to anyone.", sender, isDirect, activity);
            }
        }

        var (message, deliveries) = Publish(MessageKind.Chat, sender.Name, text, recipient, activity);

        activity?.SetTag(ChatTelemetry.DeliveriesTag, deliveries);
        Accepted(message, isDirect, activity);
        if (recipient is not null)
        {
            ChatLog.DirectMessageSent(_logger, LogText.Escape(sender.Name), message.Sequence, LogText.Escape(recipient.Name), deliveries);
            return new SendResult(SendOutcome.Sent, $"Sent to {recipient.Name}.", message);
        }
        ChatLog.MessageBroadcast(_logger, LogText.Escape(sender.Name), message.Sequence, deliveries);
        return new SendResult(SendOutcome.Sent, "Sent.", message);
    }

    // address: the one the stream comes from (PeerAddress.Key), which holds it until it ends.
    public StreamOpenResult TrySubscribe(ChatUser user, ListenSettings listen, string address, CancellationToken listenerGone, out Subscription? subscription)
    {
        subscription = null;
        var opened = _users.TryOpenStream(user, address);
        if (opened != StreamOpenResult.Opened)
        {
            return opened;
        }

        Subscription created;
        lock (_lock)
        {
            if (!_ready)
            {
                _users.CloseStream(user, address);
                throw new StoreUnavailableException("This replica has not joined the shared room yet (Redis cannot be reached); listen again shortly.");
            }
            created = new Subscription(this, user, listen.IncludePresence, _options.ListenerQueueCapacity, _options.StalledListenerTimeout, listenerGone) { Address = address };
            // Registered before the history is read, under the same lock: the backlog ends
            // exactly where the live queue begins, with no gap and no duplicate.
            _subscriptions.Add(created);
            created.StartSequence = _lastSequence;
            if (listen.ResumeAfter is { } after)
            {
                // A resume point from an earlier epoch means nothing here: replay all we have.
                if (!string.IsNullOrEmpty(listen.ResumeEpoch) && listen.ResumeEpoch != Epoch)
                {
                    after = 0;
                }
                created.Backlog = _history.After(after, created.Accepts, out var missed);
                created.Missed = missed;
                // A replica may not have caught up with the one the listener saw last.
                if (_backplane is not null)
                {
                    created.SkipThrough = after;
                }
            }
            else if (listen.History > 0)
            {
                created.Backlog = _history.Last(listen.History, created.Accepts);
            }
            if (_stopping)
            {
                created.Close(SubscriptionEnd.ServiceStopping);
            }
        }
        _telemetry.Listeners.Add(1);
        ChatLog.ListenStarted(_logger, LogText.Escape(user.Name), created.Backlog.Count);
        subscription = created;
        return opened;
    }

    // Null when the caller's address may list the users now; otherwise the reason it may not.
    public string? TryListUsers(CallOrigin origin) => _floodLimits.TryListUsers(origin);

    public void RecordDelivery(ChatMessage message) =>
        _telemetry.DeliveryLatency.Record((_timeProvider.GetUtcNow() - message.Timestamp).TotalMilliseconds);

    public void ExpireIdleUsers()
    {
        if (_backplane is not null)
        {
            // RenewSessionsAsync: a shared name may still be online on another replica.
            return;
        }
        lock (_presenceLock)
        {
            foreach (var user in _users.RemoveExpired())
            {
                Leave(user);
            }
        }
    }

    // Ends every subscription so Listen calls finish before the server stops.
    public void Stop()
    {
        lock (_lock)
        {
            _stopping = true;
            foreach (var subscription in _subscriptions)
            {
                subscription.Close(SubscriptionEnd.ServiceStopping);
            }
        }
    }

    internal void Unsubscribe(Subscription subscription)
    {
        lock (_lock)
        {
            _subscriptions.Remove(subscription);
        }
        subscription.Close(SubscriptionEnd.None);
        _users.CloseStream(subscription.User, subscription.Address);
        if (_backplane is not null && _users.StreamsOf(subscription.User) == 0)
        {
            // The grace period starts now for every replica, not at the next renewal.
            _ = RenewQuietlyAsync(_backplane, [(subscription.User, 0)]);
        }
        _telemetry.Listeners.Add(-1);
        ChatLog.ListenStopped(_logger, LogText.Escape(subscription.User.Name));
    }

    public void Dispose()
    {
        _rateLimiter.Dispose();
        _floodLimits.Dispose();
    }

    private AddUserResult Taken(string name, bool held, Activity? activity)
    {
        activity?.SetTag(ChatTelemetry.OutcomeTag, "taken");
        ChatLog.UsernameTaken(_logger, LogText.Escape(name));
        return new AddUserResult(AddUserOutcome.Taken, held
            ? $"The username {name} is held for its owner for a few seconds after a restart; choose another, or try again shortly."
            : $"The username {name} is taken; choose another.");
    }

    private AddUserResult AddressFull(CallOrigin origin, Activity? activity)
    {
        var reason = $"Your network address already holds {_options.MaxUsersPerAddress} users, the most allowed; try again once one of them has left.";
        activity?.SetTag(ChatTelemetry.OutcomeTag, "rate_limited");
        ChatLog.RegistrationRefused(_logger, LogText.Escape(origin.Address), reason);
        return new AddUserResult(AddUserOutcome.RateLimited, reason);
    }

    // More UTF-16 units than twice the limit: too many characters, whatever they are, so it is
    // refused without being read.
    private bool IsFarTooLong(string text) => text.Length > _options.MaxMessageLength * 2;

    private string? CheckText(string text)
    {
        if (IsFarTooLong(text))
        {
            return $"A message has at most {_options.MaxMessageLength} characters; this one has more than {_options.MaxMessageLength * 2}.";
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return "A message needs some text.";
        }

        var length = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            length++;
            // Control characters could drive the receivers' terminals; tabs and newlines are text.
            if (Rune.IsControl(rune) && rune.Value is not ('\n' or '\t'))
            {
                return "A message cannot contain control characters.";
            }
        }
        return length > _options.MaxMessageLength
            ? $"A message has at most {_options.MaxMessageLength} characters; this one has {length}."
            : null;
    }

    private SendResult Refuse(SendOutcome outcome, string reason, ChatUser sender, bool isDirect, Activity? activity)
    {
        var outcomeName = outcome switch
        {
            SendOutcome.InvalidMessage => "invalid_message",
            SendOutcome.UnknownRecipient => "unknown_recipient",
            SendOutcome.RateLimited => "rate_limited",
            SendOutcome.SessionExpired => "session_expired",
            _ => "sent",
        };
        activity?.SetTag(ChatTelemetry.OutcomeTag, outcomeName);
        _telemetry.Messages.Add(1, new(ChatTelemetry.KindTag, isDirect ? "direct" : "broadcast"), new(ChatTelemetry.OutcomeTag, outcomeName));
        ChatLog.MessageRefused(_logger, LogText.Escape(sender.Name), outcome);
        return new SendResult(outcome, reason);
    }

    private void Leave(ChatUser user)
    {
        PublishPresence(MessageKind.Left, user.Name, $"{user.Name} left", activity: null);
        ChatLog.UserLeft(_logger, LogText.Escape(user.Name));
    }

    // Room-wide rate-limited (FloodLimits): past the burst, notices are counted, not sent.
    private void PublishPresence(MessageKind kind, string name, string text, Activity? activity)
    {
        if (_floodLimits.TryNotifyPresence())
        {
            Publish(kind, name, text, recipient: null, activity);
        }
        else
        {
            _telemetry.Messages.Add(1, new(ChatTelemetry.KindTag, "presence"), new(ChatTelemetry.OutcomeTag, "suppressed"));
        }
    }

    private (ChatMessage Message, int Deliveries) Publish(MessageKind kind, string sender, string text, ChatUser? recipient, Activity? activity)
    {
        // Without a listener on our source, the request's own span still links receivers to the call.
        var trace = activity ?? Activity.Current;
        List<Subscription>? dropped = null;
        ChatMessage message;
        int deliveries;
        lock (_lock)
        {
            message = new ChatMessage(++_lastSequence, _timeProvider.GetUtcNow(), kind, sender, text, recipient?.Id, recipient?.Name, trace?.Id, trace?.TraceStateString);
            deliveries = FanOut(message, ref dropped);
        }
        Report(message, deliveries, dropped);
        return (message, deliveries);
    }

    // Under the lock. Presence notices are live only: they never push chat messages out of the history.
    private int FanOut(ChatMessage message, ref List<Subscription>? dropped)
    {
        if (message.Kind == MessageKind.Chat)
        {
            _history.Add(message);
        }
        var deliveries = 0;
        foreach (var subscription in _subscriptions)
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
        return deliveries;
    }

    private void Report(ChatMessage message, int deliveries, List<Subscription>? dropped)
    {
        _telemetry.Deliveries.Add(deliveries);
        if (message.Kind != MessageKind.Chat)
        {
            _telemetry.Messages.Add(1, new(ChatTelemetry.KindTag, "presence"), new(ChatTelemetry.OutcomeTag, "sent"));
        }
        foreach (var subscription in dropped ?? [])
        {
            _telemetry.DroppedListeners.Add(1);
            ChatLog.ListenerDropped(_logger, LogText.Escape(subscription.User.Name), _options.ListenerQueueCapacity);
        }
    }

    private void Accepted(ChatMessage message, bool isDirect, Activity? activity)
    {
        activity?.SetTag(ChatTelemetry.SequenceTag, message.Sequence);
        activity?.SetTag(ChatTelemetry.OutcomeTag, "sent");
        _telemetry.Messages.Add(1, new(ChatTelemetry.KindTag, isDirect ? "direct" : "broadcast"), new(ChatTelemetry.OutcomeTag, "sent"));
    }
}
