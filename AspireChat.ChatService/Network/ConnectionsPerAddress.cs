using System.Net;
using AspireChat.ChatService.Diagnostics;
using Microsoft.AspNetCore.Connections;

namespace AspireChat.ChatService.Network;

// Kestrel connection middleware of the gRPC endpoint: an address (PeerAddress) with its limit
// of connections open has further ones closed at once, before a byte of HTTP/2 is read, so
// they hold neither buffers nor streams. Other addresses are served as usual.
internal sealed class ConnectionsPerAddress
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);
    // One refusal line per address per minute.
    private readonly OncePerMinute _refusalLines = new();
    private readonly int _limit;
    private readonly int _ipv6PrefixLength;
    private readonly ILogger _logger;

    public ConnectionsPerAddress(int limit, int ipv6PrefixLength, ILogger logger)
    {
        _limit = limit;
        _ipv6PrefixLength = ipv6PrefixLength;
        _logger = logger;
    }

    public ConnectionDelegate Apply(ConnectionDelegate next) => async connection =>
    {
        var address = PeerAddress.Key((connection.RemoteEndPoint as IPEndPoint)?.Address, _ipv6PrefixLength);
        if (!TryOpen(address))
        {
            LogRefusal(address);
            // Returning closes the connection.
            return;
        }
        try
        {
            await next(connection);
        }
        finally
        {
            Close(address);
        }
    };

    private bool TryOpen(string address)
    {
        lock (_lock)
        {
            var open = _open.GetValueOrDefault(address);
            if (open >= _limit)
            {
                return false;
            }
            _open[address] = open + 1;
            return true;
        }
    }

    private void Close(string address)
    {
        lock (_lock)
        {
            if (--_open[address] == 0)
            {
                _open.Remove(address);
            }
        }
    }

    private void LogRefusal(string address)
    {
        if (_refusalLines.TryTake(address))
        {
            NetworkLog.ConnectionsRefused(_logger, LogText.Escape(address), _limit);
        }
    }
}
