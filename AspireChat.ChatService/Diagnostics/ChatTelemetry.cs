using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AspireChat.ChatService.Diagnostics;

// The chat service's ActivitySource and Meter (ServiceDefaults registers every AspireChat.* name).
public sealed class ChatTelemetry : IDisposable
{
    public const string Name = "AspireChat.ChatService";

    // Span and tag names, shared with the tests and the dashboard.
    public const string AddUserSpan = "chat.add_user";
    public const string BroadcastSpan = "chat.broadcast";
    public const string DirectMessageSpan = "chat.direct_message";
    // A shared room's message: sent to Redis by the sender's replica, then delivered by each one.
    public const string BackplanePublishSpan = "chat.backplane.publish";
    public const string BackplaneDeliverSpan = "chat.backplane.deliver";
    // The operator's operations (ChatAdmin).
    public const string AdminAnnounceSpan = "chat.admin.announce";
    public const string AdminListSpan = "chat.admin.list";
    public const string AdminDisconnectSpan = "chat.admin.disconnect";
    public const string AdminMuteSpan = "chat.admin.mute";
    public const string AdminUnmuteSpan = "chat.admin.unmute";
    public const string UserTag = "chat.user";
    public const string RecipientTag = "chat.recipient";
    public const string SequenceTag = "chat.sequence";
    public const string DeliveriesTag = "chat.deliveries";
    public const string OutcomeTag = "chat.outcome";
    public const string KindTag = "chat.kind";

    private readonly Meter _meter;

    public ChatTelemetry(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(Name);
        UsersOnline = _meter.CreateUpDownCounter<long>("chat.users.online", "{user}", "Registered users who are online or within their reconnect grace period.");
        Listeners = _meter.CreateUpDownCounter<long>("chat.listeners", "{stream}", "Open Listen streams.");
        Messages = _meter.CreateCounter<long>("chat.messages", "{message}", "Messages sent, by kind (broadcast, direct, presence) and outcome.");
        Deliveries = _meter.CreateCounter<long>("chat.deliveries", "{message}", "Messages queued for a Listen stream.");
        DroppedListeners = _meter.CreateCounter<long>("chat.listeners.dropped", "{stream}", "Listen streams dropped because they fell too far behind.");
        MalformedRequests = _meter.CreateCounter<long>("chat.requests.malformed", "{request}", "Requests whose bytes were not a valid message, answered INVALID_ARGUMENT.");
        DeliveryLatency = _meter.CreateHistogram<double>("chat.delivery.latency", "ms", "Time from a message's acceptance to its write to a Listen stream.");
    }

    public ActivitySource Source { get; } = new(Name);

    public UpDownCounter<long> UsersOnline { get; }

    public UpDownCounter<long> Listeners { get; }

    public Counter<long> Messages { get; }

    public Counter<long> Deliveries { get; }

    public Counter<long> DroppedListeners { get; }

    public Counter<long> MalformedRequests { get; }

    public Histogram<double> DeliveryLatency { get; }

    public void Dispose()
    {
        Source.Dispose();
        _meter.Dispose();
    }
}
