using AspireChat.Conventions;

namespace AspireChat.UnitTests.Rules;

// The @name rule as every project applies it (AspireChat.Conventions).
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
        Assert.True(DirectMessages.TryParse(text, out var parsedRecipient, out var parsedBody));
        Assert.Equal(recipient, parsedRecipient);
        Assert.Equal(body, parsedBody);
    }

    // "@bob\u200bsecret" looks like "@bob secret", so it is never a broadcast:
    // it is direct, to a name nobody can have.
    [Theory]
    [InlineData("@bob\u200bsecret")]
    [InlineData("@bob\ufeffsecret")]
    [InlineData("@bob\u2060secret")]
    [InlineData("@bob\u00adsecret")]
    [InlineData("@bob\u034fsecret")]
    [InlineData("@bob\ufe0fsecret")]
    [InlineData("@bob\u180esecret")]
    [InlineData("@bob\u3164secret")]
    [InlineData("@bob\u2800secret")]
    public void TryParse_NameRunningIntoTheTextThroughABlank_IsDirect_ToNobody(string text)
    {
        Assert.True(DirectMessages.TryParse(text, out var recipient, out _));
        Assert.NotEqual("bob", recipient);
    }

    // Whatever precedes the '@' unseen, and however the '@' is written, a
    // direct message stays one.
    [Theory]
    [InlineData(" @bob hi")]
    [InlineData("\u00a0@bob hi")]
    [InlineData("\u3000@bob hi")]
    [InlineData("\t\n@bob hi")]
    [InlineData("\u200b@bob hi")]
    [InlineData("\u200d\u2060@bob hi")]
    [InlineData("\ufeff@bob hi")]
    [InlineData("\uff20bob hi")]
    [InlineData("\ufe6bbob hi")]
    [InlineData("\u200b \uff20bob\u3000hi")]
    public void TryParse_AfterInvisibleOrBlankLeadIn_OrWithAnotherAtSign_IsDirect(string text)
    {
        Assert.True(DirectMessages.TryParse(text, out var recipient, out var body));
        Assert.Equal(("bob", "hi"), (recipient, body));
    }

    [Fact]
    public void TryParse_InvisibleCharacterInsideTheName_KeepsIt_SoNobodyMatches()
    {
        Assert.True(DirectMessages.TryParse("@b\u200bob hi", out var recipient, out _));
        Assert.Equal("b\u200bob", recipient);
        Assert.False(Usernames.TryNormalize(recipient, out _, out _));
    }

    [Theory]
    [InlineData("hi @bob")]
    [InlineData("@bob")]
    [InlineData("@ bob hi")]
    [InlineData("email me at bob@example.com")]
    [InlineData("")]
    public void TryParse_AnythingElse_IsABroadcast(string text)
    {
        Assert.False(DirectMessages.TryParse(text, out _, out _));
    }

    [Fact]
    public void FormatDirect_IsParsedBackToItsParts()
    {
        Assert.True(DirectMessages.TryParse(DirectMessages.Format("bob", "pong"), out var recipient, out var body));
        Assert.Equal(("bob", "pong"), (recipient, body));
    }
}
