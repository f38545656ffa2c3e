using System.Net;
using AspireChat.ChatService.Network;

namespace AspireChat.UnitTests.Rules;

// The address a per-address limit counts.
public sealed class PeerAddressTests
{
    private static string Key(string address, int prefixLength = 64) => PeerAddress.Key(IPAddress.Parse(address), prefixLength);

    [Fact]
    public void IPv4_CountsAsItIs() => Assert.Equal("203.0.113.7", Key("203.0.113.7"));

    [Fact]
    public void IPv4MappedIPv6_CountsAsItsIPv4Address() => Assert.Equal("203.0.113.7", Key("::ffff:203.0.113.7"));

    [Fact]
    public void TwoIPv6AddressesInOnePrefix_CountAsOne() =>
        Assert.Equal(Key("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), Key("2001:db8:1:2::1"));

    [Fact]
    public void TwoIPv6AddressesInDifferentPrefixes_CountApart() =>
        Assert.NotEqual(Key("2001:db8:1:2::1"), Key("2001:db8:1:3::1"));

    [Fact]
    public void IPv6_CountsAsItsPrefix_ByTheConfiguredLength()
    {
        Assert.Equal("2001:db8:1:2::/64", Key("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        Assert.Equal("2001:db8:1::/48", Key("2001:db8:1:2:aaaa::1", prefixLength: 48));
        Assert.Equal(Key("2001:db8:1:2::1", prefixLength: 48), Key("2001:db8:1:ffff::1", prefixLength: 48));
        Assert.NotEqual(Key("2001:db8:1:2::1", prefixLength: 128), Key("2001:db8:1:2::2", prefixLength: 128));
    }

    [Fact]
    public void IPv6ScopeId_IsNotPartOfTheAddress() =>
        Assert.Equal(Key("fe80::1%1"), Key("fe80::2%2"));

    [Fact]
    public void NoAddress_CountsAsUnknown() => Assert.Equal(PeerAddress.Unknown, PeerAddress.Key(null, 64));
}
