using System.Threading.Channels;
using AspireChat.ChatService.Users;

namespace AspireChat.ChatService.Messaging;

// One Listen stream's view of the room: the backlog it asked for, then a bounded queue of live
// messages that one loop drains into the stream.
public sealed class Subscription : IDisposable
{
    private readonly Channel<ChatMessage> _queue;
    private readonly ChatRoom _room;
    private readonly bool _includePresence;
    private int _disposed;

    internal Subscription(ChatRoom room, ChatUser user, bool includePresence, int capacity)
    {
        _room = room;
        User = user;
        _includePresence = includePresence;
        _queue = Channel.CreateBounded<ChatMessage>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public ChatUser User { get; }

    // Replayed messages (resume or history) that precede everything in Messages.
    public IReadOnlyList<ChatMessage> Backlog { get; internal set; } = [];

    // The room's last sequence number when the subscription began: live messages come after it.
    public long StartSequence { get; internal set; }

    // Sequence numbers the resume point asked for that history no longer holds.
    public long Missed { get; internal set; }

    public ChannelReader<ChatMessage> Messages => _queue.Reader;

    public SubscriptionEnd End { get; private set; }

    internal bool Accepts(ChatMessage message) => message.Kind switch
    {
        MessageKind.Chat => message.RecipientId is null || message.RecipientId == User.Id,
        _ => _includePresence,
    };

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
        if (_queue.Writer.TryComplete())
        {
            End = reason;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _room.Unsubscribe(this);
        }
    }
}
