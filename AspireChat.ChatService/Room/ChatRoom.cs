using System.Diagnostics;
using AspireChat.ChatService.Configuration;
using AspireChat.ChatService.Diagnostics;
using AspireChat.ChatService.Limits;
using AspireChat.ChatService.Model;
using AspireChat.ChatService.Users;
using AspireChat.Conventions;
using Microsoft.Extensions.Options;

namespace AspireChat.ChatService.Room;

// The room's rules: who may register which name, what may be sent to whom and how often, who may
// listen and from where in the history. Written once, over the store (IRoomStore) that holds the
// names and numbers the messages: this process alone, or replicas sharing Redis. Every message of
// the room reaches this process's listeners through RoomFanOut, whichever the store.
public sealed class ChatRoom
{
    private readonly IRoomStore _store;
    private readonly RoomFanOut _fanOut;
    private readonly PresenceNotices _presence;
    private readonly SendOutcomes _outcomes;
    // Each user's bucket is its own (ChatUser.TryTakeMessage): nothing walks the users to refill them.
    private readonly BucketRate _perUser;
    private readonly FloodLimits _floodLimits;
    private readonly MessageText _text;
    private readonly UserRegistry _users;
    private readonly ChatOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ChatTelemetry _telemetry;
    private readonly ILogger<ChatRoom> _logger;

    public ChatRoom(UserRegistry users, IRoomStore store, RoomFanOut fanOut, IOptions<ChatOptions> options, TimeProvider timeProvider, ChatTelemetry telemetry, ILogger<ChatRoom> logger)
    {
        _users = users;
        _store = store;
        _fanOut = fanOut;
        _options = options.Value;
        _timeProvider = timeProvider;
        _telemetry = telemetry;
        _logger = logger;
        _text = new MessageText(_options);
        _floodLimits = new FloodLimits(_options, timeProvider);
        _presence = new PresenceNotices(store, _floodLimits, telemetry, logger);
        _outcomes = new SendOutcomes(telemetry, logger);
        _perUser = BucketRate.Of(_options.MessageBurst, _options.MessagesPerSecond, TimeSpan.FromSeconds(1), timeProvider);
    }

    public UserRegistry Users => _users;

    // Identifies this room's run: sequence numbers start again with every epoch.
    public string Epoch => _fanOut.Epoch;

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
        var registration = _users.IsAddressFull(origin.Address, name)
            ? new Registration(null, IsNew: false, Expired: null, AddressFull: true)
            : await _store.RegisterAsync(name, sessionToken, connectionKey, origin.Address, _presence);
        if (registration.User is not { } user)
        {
            return registration.AddressFull ? AddressFull(origin, activity) : Taken(name, registration, activity);
        }
        activity?.SetTag(ChatTelemetry.OutcomeTag, "added");
        ChatLog.UserAdded(_logger, LogText.Escape(user.Name));
        return new AddUserResult(AddUserOutcome.Added, $"User {user.Name} created.", user);
    }

    public async ValueTask<SendResult> SendAsync(ChatUser sender, string? text, CallOrigin origin)
    {
        text ??= "";
        // MessageText refuses a text far too long, and nothing reads it before that.
        var recipientName = "";
        var body = "";
        var isDirect = !_text.IsFarTooLong(text) && DirectMessages.TryParse(text, out recipientName, out body);
        using var activity = _telemetry.Source.StartActivity(isDirect ? ChatTelemetry.DirectMessageSpan : ChatTelemetry.BroadcastSpan);
        activity?.SetTag(ChatTelemetry.UserTag, sender.Name);
        activity?.SetTag(ChatTelemetry.KindTag, isDirect ? "direct" : "broadcast");
        _users.Touch(sender);

        if (Check(sender, text, isDirect ? recipientName : null, body, origin) is { } refusal)
        {
            return _outcomes.Refused(refusal.Outcome, refusal.Reason, sender, isDirect, activity);
        }
        string? recipient = null;
        if (isDirect)
        {
            // Only a real username is tagged: an unparsable "recipient" may be part of the text.
            recipient = Usernames.TryNormalize(recipientName, out var normalized, out _) ? normalized : null;
            activity?.SetTag(ChatTelemetry.RecipientTag, recipient);
        }

        // Never fall back to a broadcast: a typo must not leak a private message.
        var published = isDirect && recipient is null
            ? new PublishResult(PublishOutcome.UnknownRecipient)
            : await _store.PublishAsync(MessageKind.Chat, sender, text, recipient);
        return published.Outcome switch
        {
            PublishOutcome.Published => _outcomes.Sent(sender, published, isDirect, activity),
            PublishOutcome.SessionGone => _outcomes.Refused(SendOutcome.SessionExpired, "Your session has expired; call AddUser again.", sender, isDirect, activity),
            PublishOutcome.Muted => _outcomes.Refused(SendOutcome.Muted, ModerationTexts.Muted(published.Mute!), sender, isDirect, activity),
            _ => _outcomes.Refused(SendOutcome.UnknownRecipient, NotOnline(recipientName), sender, isDirect, activity),
        };
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

        var created = new Subscription(this, user, listen.IncludePresence, _options.ListenerQueueCapacity, _options.StalledListenerTimeout, listenerGone) { Address = address };
        if (!_fanOut.TryAdd(created, listen, _store))
        {
            created.Discard();
            _users.CloseStream(user, address);
            throw new StoreUnavailableException("This replica has not joined the shared room yet (Redis cannot be reached); listen again shortly.");
        }
        _telemetry.Listeners.Add(1);
        ChatLog.ListenStarted(_logger, LogText.Escape(user.Name), created.Backlog.Count);
        subscription = created;
        return opened;
    }

    // A stream's name is held from the moment the stream is open (IRoomStore.HoldNameAsync).
    public Task HoldNameAsync(ChatUser user) => _store.HoldNameAsync(user);

    // Whoever calls with a token: a session another replica issued is taken up here too.
    public async ValueTask<ChatUser?> FindByTokenAsync(string sessionToken) =>
        _users.FindByToken(sessionToken) ?? await _store.FindSessionAsync(sessionToken);

    public ValueTask<IReadOnlyList<OnlineEntry>> OnlineAsync() => _store.OnlineAsync();

    // Null when the caller's address may list the users now; otherwise the reason it may not.
    public string? TryListUsers(CallOrigin origin) => _floodLimits.TryListUsers(origin);

    public void RecordDelivery(ChatMessage message) =>
        _telemetry.DeliveryLatency.Record((_timeProvider.GetUtcNow() - message.Timestamp).TotalMilliseconds);

    // Run by IdleUserSweeper: expired names go, with their LEFT notices, and refilled limits.
    public Task SweepAsync()
    {
        _floodLimits.Sweep();
        return _store.SweepAsync(_presence);
    }

    // Ends every subscription so Listen calls finish before the server stops.
    public void Stop() => _fanOut.Stop();

    internal void Unsubscribe(Subscription subscription)
    {
        _fanOut.Remove(subscription);
        subscription.Close(SubscriptionEnd.None);
        if (_users.CloseStream(subscription.User, subscription.Address) == 0)
        {
            _store.LastStreamClosed(subscription.User);
        }
        _telemetry.Listeners.Add(-1);
        ChatLog.ListenStopped(_logger, LogText.Escape(subscription.User.Name));
    }

    // Null when the message may go to the store; otherwise why not.
    private (SendOutcome Outcome, string Reason)? Check(ChatUser sender, string text, string? recipientName, string body, CallOrigin origin)
    {
        if (_text.Check(text) is { } problem)
        {
            return (SendOutcome.InvalidMessage, problem);
        }
        if (recipientName is not null && string.IsNullOrWhiteSpace(body))
        {
            // "@bob\u200bsecret" is all name: a name nobody can have, so nobody gets it.
            return Usernames.TryNormalize(recipientName, out _, out _)
                ? (SendOutcome.InvalidMessage, $"A direct message to {recipientName} needs some text after the name.")
                : (SendOutcome.UnknownRecipient, NotOnline(recipientName));
        }
        if (!sender.TryTakeMessage(_perUser, _timeProvider.GetTimestamp()))
        {
            return (SendOutcome.RateLimited, $"Slow down: at most {_options.MessagesPerSecond} messages a second, in bursts of up to {_options.MessageBurst}.");
        }
        return _floodLimits.TrySend(origin) is { } tooMany ? (SendOutcome.RateLimited, tooMany) : null;
    }

    private static string NotOnline(string recipientName) => $"No user named {recipientName} is online; the message was not sent to anyone.";

    private AddUserResult Taken(string name, Registration registration, Activity? activity)
    {
        activity?.SetTag(ChatTelemetry.OutcomeTag, registration.HeldByOperatorUntil is null ? "taken" : "held");
        ChatLog.UsernameTaken(_logger, LogText.Escape(name));
        return new AddUserResult(AddUserOutcome.Taken, registration switch
        {
            { HeldByOperatorUntil: { } until } => ModerationTexts.HeldName(name, until),
            { Held: true } => $"The username {name} is held for its owner for a few seconds after a restart; choose another, or try again shortly.",
            _ => $"The username {name} is taken; choose another.",
        });
    }

    private AddUserResult AddressFull(CallOrigin origin, Activity? activity)
    {
        var reason = $"Your network address already holds {_options.MaxUsersPerAddress} users, the most allowed; try again once one of them has left.";
        activity?.SetTag(ChatTelemetry.OutcomeTag, "rate_limited");
        ChatLog.RegistrationRefused(_logger, LogText.Escape(origin.Address), reason);
        return new AddUserResult(AddUserOutcome.RateLimited, reason);
    }
}
