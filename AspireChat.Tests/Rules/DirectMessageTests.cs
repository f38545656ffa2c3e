using AspireChat.ChatService.Messaging;

namespace AspireChat.Tests.Rules;

public sealed class DirectMessageTests
{
    [Theory]
    [InlineData("@bob hi there", "bob", "hi there")]
    [InlineData("@bob\thi", "bob", "hi")]
    [InlineData("@bob   ", "bob", "")]
    public void TryParse_AtNameThenWhitespace_IsDirect(string text, string recipient, string body)
    {
        Assert.True(DirectMessage.TryParse(text, out var parsedRecipient, out var parsedBody));
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
        Assert.False(DirectMessage.TryParse(text, out _, out _));
    }
}
