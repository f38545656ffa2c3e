using AspireChat.ChatService.Model;

namespace AspireChat.ChatService.Room;

// The last N accepted messages, oldest first, for resume and history replay. Not thread-safe:
// RoomFanOut calls it under its lock.
public sealed class MessageHistory(int capacity)
{
    private readonly ChatMessage[] _ring = new ChatMessage[capacity];
    private int _start;
    private int _count;
    // The sequence number of the newest message pushed out of the ring (0: none yet).
    private long _lastEvicted;

    public void Add(ChatMessage message)
    {
        if (_count < _ring.Length)
        {
            _ring[(_start + _count++) % _ring.Length] = message;
        }
        else
        {
            _lastEvicted = _ring[_start].Sequence;
            _ring[_start] = message;
            _start = (_start + 1) % _ring.Length;
        }
    }

    // The messages after a sequence number that pass the filter. Missed counts the sequence
    // numbers after it up to the newest one no longer kept (some may not have been chat messages
    // for this reader anyway).
    public List<ChatMessage> After(long sequence, Func<ChatMessage, bool> filter, out long missed)
    {
        missed = Math.Max(0, _lastEvicted - sequence);
        var result = new List<ChatMessage>();
        for (var i = FirstIndexAfter(sequence); i < _count; i++)
        {
            if (filter(this[i]))
            {
                result.Add(this[i]);
            }
        }
        return result;
    }

    // Up to count of the newest messages that pass the filter, oldest first.
    public List<ChatMessage> Last(int count, Func<ChatMessage, bool> filter)
    {
        var result = new List<ChatMessage>(Math.Min(count, _count));
        for (var i = _count - 1; i >= 0 && result.Count < count; i--)
        {
            if (filter(this[i]))
            {
                result.Add(this[i]);
            }
        }
        result.Reverse();
        return result;
    }

    private ChatMessage this[int index] => _ring[(_start + index) % _ring.Length];

    // Sequence numbers only grow, so the ring is sorted: binary search.
    private int FirstIndexAfter(long sequence)
    {
        int low = 0, high = _count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (this[mid].Sequence <= sequence)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }
}
