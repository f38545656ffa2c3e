using System.Security.Cryptography;
using AspireChat.ChatService.Users;

namespace AspireChat.UnitTests.Rules;

public sealed class SessionTokensTests
{
    private static readonly byte[] s_key = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void Verify_ATokenIssuedForAName_HoldsForThatName_WithTheSameKey()
    {
        var token = new SessionTokens(s_key).Issue("alice");

        Assert.True(new SessionTokens(s_key).Verify(token, "alice"));
        Assert.False(new SessionTokens(s_key).Verify(token, "bob"));
        Assert.False(new SessionTokens(RandomNumberGenerator.GetBytes(32)).Verify(token, "alice"));
    }

    [Fact]
    public void Verify_ATamperedToken_Fails()
    {
        var tokens = new SessionTokens(s_key);
        var parts = tokens.Issue("alice").Split('.');
        var bobsBody = tokens.Issue("bob").Split('.')[1];

        Assert.False(tokens.Verify(string.Join('.', parts[0], bobsBody, parts[2], parts[3]), "bob"));
        Assert.False(tokens.Verify("not a token", "alice"));
        Assert.NotEqual(tokens.Issue("alice"), tokens.Issue("alice"));
    }
}
