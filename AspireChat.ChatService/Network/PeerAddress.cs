using System.Net;
using System.Net.Sockets;

namespace AspireChat.ChatService.Network;

// The one definition of the address a per-address limit counts: an IPv4 address as it is (an
// IPv4-mapped IPv6 address is its IPv4 address), an IPv6 address as its prefix of the given
// length, since one host is usually given a whole /64 and could otherwise be 2^64 addresses to
// the limits.
public static class PeerAddress
{
    public const string Unknown = "unknown";

    public static string Key(IPAddress? address, int ipv6PrefixLength)
    {
        if (address is null)
        {
            return Unknown;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        var length = Math.Clamp(ipv6PrefixLength, 0, 128);
        for (var bit = length; bit < 128; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }
        // A new address without the scope id: fe80::1%eth0 and fe80::1%eth1 are one prefix.
        return $"{new IPAddress(bytes)}/{length}";
    }
}
