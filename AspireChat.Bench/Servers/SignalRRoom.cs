using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace AspireChat.Bench.Servers;

// The SignalR hub's state (hubs are transient): the server's sequence, and each user's name and
// connection, for direct messages.
internal sealed class SignalRRoom
{
    public const string MessageMethod = "Message";
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<string, string> _connections = new(StringComparer.Ordinal);
    private long _sequence;

    public bool TryJoin(string name, string connectionId) => _connections.TryAdd(name, connectionId);

    public void Leave(string name, string connectionId) => _connections.TryRemove(new(name, connectionId));

    public bool TryFind(string name, out string connectionId) => _connections.TryGetValue(name, out connectionId!);

    // Numbers the message and starts its send under the lock, as the ceiling's Publish does, so
    // that every client gets messages in sequence order; the sends are awaited outside it.
    public (long Sequence, Task Sent) Publish(IClientProxy to, string from, string text)
    {
        lock (_lock)
        {
            var sequence = ++_sequence;
            return (sequence, to.SendAsync(MessageMethod, from, text, sequence));
        }
    }
}
