using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using AspireChat.ChatService.Configuration;
using AspireChat.ChatService.Diagnostics;
using AspireChat.ChatService.Model;
using AspireChat.ChatService.Network;
using AspireChat.Conventions;
using Grpc.Core;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Options;

namespace AspireChat.ChatService.Grpc;

// Who a call is made for, as the per-address limits count it. A trusted front end (the web app)
// makes the calls of many people over one connection; it names each call's person in
// chat-forwarded-for and proves itself with the shared key (Chat:FrontEndKey) in
// chat-front-end-key, and such a call counts the person's address. Any other call counts its
// connection's address, and one that carries either header without the key is refused: nobody
// else may choose the address they are counted as. Headers are read from the request itself, as
// the session token is (ServerCallContext.RequestHeaders would copy them all).
internal sealed class TrustedFrontEnd
{
    // The longest text form of an IP address (IPv6 with an IPv4 tail).
    private const int MaxAddressLength = 45;
    private static readonly SearchValues<char> s_addressCharacters = SearchValues.Create("0123456789abcdefABCDEF.:");

    private readonly SharedKey? _key;
    private readonly int _ipv6PrefixLength;
    private readonly OncePerMinute _refusalLines = new();
    private readonly ILogger<TrustedFrontEnd> _logger;

    public TrustedFrontEnd(IOptions<ChatOptions> options, ILogger<TrustedFrontEnd> logger)
    {
        _key = options.Value.FrontEndKey is { Length: > 0 } key ? new SharedKey(key) : null;
        _ipv6PrefixLength = options.Value.Ipv6PrefixLength;
        _logger = logger;
    }

    // Throws PERMISSION_DENIED for forwarding headers without the key, INVALID_ARGUMENT for a
    // trusted call that names no address or a malformed one.
    public CallOrigin Origin(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        var connection = http.Connection;
        var peer = PeerAddress.Key(connection.RemoteIpAddress, _ipv6PrefixLength);
        var forwardedFor = http.Request.Headers[ChatMetadata.ForwardedForHeader];
        var key = http.Request.Headers[ChatMetadata.FrontEndKeyHeader];
        if (forwardedFor.Count == 0 && key.Count == 0)
        {
            return new CallOrigin(connection.Id, peer);
        }
        if (_key is null || key.Count != 1 || !_key.Matches(key[0]))
        {
            throw Refuse(peer, StatusCode.PermissionDenied,
                _key is null ? "no front end is trusted here (Chat:FrontEndKey is not set)" : $"{ChatMetadata.FrontEndKeyHeader} is missing or wrong",
                $"{ChatMetadata.ForwardedForHeader} and {ChatMetadata.FrontEndKeyHeader} are accepted only from a trusted front end.");
        }
        if (!TryParse(forwardedFor, out var address))
        {
            throw Refuse(peer, StatusCode.InvalidArgument,
                $"{ChatMetadata.ForwardedForHeader} is missing or not one IP address",
                $"{ChatMetadata.ForwardedForHeader} must be the IP address (IPv4 or IPv6, no port) of the person the call is made for.");
        }
        var person = PeerAddress.Key(address, _ipv6PrefixLength);
        // The person on the front end's connection stands for a connection of their own in the
        // per-connection limits: everyone the front end serves would share one budget otherwise.
        return new CallOrigin($"{connection.Id}/{person}", person, Forwarded: true);
    }

    // One address, as text: an IPv4 address in its usual dotted form only (IPAddress.TryParse
    // also takes "1", "0x7f.1" or "010.0.0.1"), an IPv6 address without brackets, port or scope.
    private static bool TryParse(StringValues values, [NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        return values is [{ Length: > 0 and <= MaxAddressLength } text]
            && !text.AsSpan().ContainsAnyExcept(s_addressCharacters)
            && IPAddress.TryParse(text, out address)
            && (address.AddressFamily == AddressFamily.InterNetworkV6 || address.ToString() == text);
    }

    private RpcException Refuse(string peer, StatusCode status, string reason, string detail)
    {
        if (_refusalLines.TryTake(peer))
        {
            NetworkLog.ForwardedCallRefused(_logger, LogText.Escape(peer), reason);
        }
        return new RpcException(new Status(status, detail));
    }
}
