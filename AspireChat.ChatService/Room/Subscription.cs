using System.Threading.Channels;
using AspireChat.ChatService.Model;

namespace AspireChat.ChatService.Room;

// One Listen stream's view of the room: the backlog it asked for, then a bounded queue of live
// messages that one loop drains into the stream.
public sealed class Subscription : IDisposable
{
    private readonly Channel<ChatMessage> _queue;
    private readonly CancellationTokenSource _ended;
    private readonly ChatRoom _room;
    private readonly bool _includePresence;
    private readonly TimeSpan _stalledTimeout;
    private int _end;
    private int _disposed;

    internal Subscription(ChatRoom room, ChatUser user, bool includePresence, int capacity, TimeSpan stalledTimeout, CancellationToken listenerGone)
    {
        // One cancellation source per stream (not one here and a linked one in Listen): it is
        // part of what every idle listener costs.
        _ended = CancellationTokenSource.CreateLinkedTokenSource(listenerGone);
        _room = room;
        User = user;
        _includePresence = includePresence;
        _stalledTimeout = stalledTimeout;
        _queue = Channel.CreateBounded<ChatMessage>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public ChatUser User { get; }

    // The address (PeerAddress.Key) whose streams this one counts among.
    internal string? Address { get; init; }

    // Replayed messages (resume or history) that precede everything in Messages.
    public IReadOnlyList<ChatMessage> Backlog { get; internal set; } = [];

    // The room's last sequence number when the subscription began: live messages come after it.
    public long StartSequence { get; internal set; }

    // Sequence numbers the resume point asked for that history no longer holds.
    public long Missed { get; internal set; }

    // The resume point: nothing up to it is delivered again, even by a replica still catching up.
    internal long SkipThrough { get; set; }

    public ChannelReader<ChatMessage> Messages => _queue.Reader;

    // Why the room ended the subscription; None while it lasts or when the listener left.
    public SubscriptionEnd End => (SubscriptionEnd)Volatile.Read(ref _end);

    // Cancelled when the listener goes away, when the service stops, or a while after the
    // listener was dropped: a write that a stalled client blocks (HTTP/2 flow control) must not
    // hold the stream slot for ever.
    // Cancelling a write resets the stream, so a dropped listener first gets the chance to read
    // what was sent and the RESOURCE_EXHAUSTED status.
    public CancellationToken Ended => _ended.Token;

    // The operator's notice of a disconnect, once delivered: the detail of the status the stream
    // ends with (SubscriptionEnd.Disconnected).
    internal string? DisconnectNotice { get; private set; }

    // Announcements reach everybody, whatever include_presence says: a workshop client that asks
    // for no presence still shows them, as messages from the room.
    internal bool Accepts(ChatMessage message) => message.Sequence > SkipThrough && message.Kind switch
    {
        MessageKind.Chat => message.RecipientId is null || message.RecipientId == User.Id,
        MessageKind.Announcement => true,
        MessageKind.Disconnect => message.RecipientId == User.Id,
        _ => _includePresence,
    };

    // The operator disconnected the user: the stream ends once it has written what is queued
    // (the notice last), with the notice as its status.
    internal void Disconnect(string notice)
    {
        DisconnectNotice ??= notice;
        Close(SubscriptionEnd.Disconnected);
    }

    // Never waits: a full queue ends the subscription instead (the sender must not wait for the
    // slowest listener).
    internal bool TryDeliver(ChatMessage message)
    {
        if (_queue.Writer.TryWrite(message))
        {
            return true;
        }
        Close(SubscriptionEnd.TooSlow);
        return false;
    }

    internal void Close(SubscriptionEnd reason)
    {
        // The reason is set before the queue completes, so the reader always sees it.
        if (Interlocked.CompareExchange(ref _end, (int)reason, (int)SubscriptionEnd.None) == (int)SubscriptionEnd.None)
        {
            // Never cancels synchronously: RoomFanOut calls this under its lock.
            switch (reason)
            {
                // The stream still writes what is queued: a client that does not read it is cut off.
                case SubscriptionEnd.TooSlow or SubscriptionEnd.Disconnected:
                    _ended.CancelAfter(_stalledTimeout);
                    break;
                case SubscriptionEnd.ServiceStopping:
                    _ = _ended.CancelAsync();
                    break;
            }
        }
        _queue.Writer.TryComplete();
    }

    // For a subscription the room never took (the store had not started yet): nothing to undo.
    internal void Discard()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _ended.Dispose();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            // Nothing closes it once the room has let it go, so nothing cancels it after this.
            _room.Unsubscribe(this);
            _ended.Dispose();
        }
    }
}
