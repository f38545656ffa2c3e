using AspireChat.ChatService.Configuration;
using AspireChat.ChatService.Model;

namespace AspireChat.ChatService.Users;

// The Listen streams open, per user and per address (PeerAddress.Key), within their limits. Not
// thread-safe: UserRegistry calls it under its lock.
internal sealed class StreamCounts(ChatOptions options)
{
    private readonly Dictionary<string, int> _byAddress = new(StringComparer.Ordinal);

    public StreamOpenResult TryOpen(ChatUser user, string? address)
    {
        if (user.Streams >= options.MaxStreamsPerUser)
        {
            return StreamOpenResult.LimitReached;
        }
        var fromAddress = address is null ? 0 : _byAddress.GetValueOrDefault(address);
        if (fromAddress >= options.MaxStreamsPerAddress)
        {
            return StreamOpenResult.AddressLimitReached;
        }
        if (address is not null)
        {
            _byAddress[address] = fromAddress + 1;
        }
        user.Streams++;
        return StreamOpenResult.Opened;
    }

    public void Close(ChatUser user, string? address)
    {
        user.Streams--;
        if (address is not null && --_byAddress[address] == 0)
        {
            _byAddress.Remove(address);
        }
    }
}
