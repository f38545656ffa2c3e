using AspireChat.Protocol;

namespace AspireChat.Tests.Rules;

// The @name rule as every project applies it (protos/ChatConventions.cs).
public sealed class DirectMessageTests
{
    [Theory]
    [InlineData("@bob hi there", "bob", "hi there")]
    [InlineData("@bob\thi", "bob", "hi")]
    [InlineData("@bob   ", "bob", "")]
    [InlineData("@bob\u3000ping", "bob", "ping")]
    [InlineData("@bob\u00a0ping", "bob", "ping")]
    [InlineData("@bob\u2003ping", "bob", "ping")]
    public void TryParse_AtNameThenWhitespace_IsDirect(string text, string recipient, string body)
    {
        Assert.True(ChatConventions.TryParseDirect(text, out var parsedRecipient, out var parsedBody));
        Assert.Equal(recipient, parsedRecipient);
        Assert.Equal(body, parsedBody);
    }

    [Theory]
    [InlineData("hi @bob")]
    [InlineData("@bob")]
    [InlineData("@ bob hi")]
    [InlineData("email me at bob@example.com")]
    [InlineData("")]
    public void TryParse_AnythingElse_IsABroadcast(string text)
    {
        Assert.False(ChatConventions.TryParseDirect(text, out _, out _));
    }

    [Fact]
    public void FormatDirect_IsParsedBackToItsParts()
    {
        Assert.True(ChatConventions.TryParseDirect(ChatConventions.FormatDirect("bob", "pong"), out var recipient, out var body));
        Assert.Equal(("bob", "pong"), (recipient, body));
    }
}
