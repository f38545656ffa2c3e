extern alias console;

using AspireChat.Client.Messaging;
using console::AspireChat.ConsoleClient.Chat;

namespace AspireChat.Tests.Clients;

// Issue 11, item 13: no line a message prints can pass for another message or a notice.
public sealed class MessageFormatterTests
{
    [Theory]
    [InlineData("hi\nfrank: I quit", "mallory: hi\n  | frank: I quit")]
    [InlineData("hi\r\n* frank left", "mallory: hi\n  | * frank left")]
    [InlineData("a\u2028b\u2029c\u0085d", "mallory: a\n  | b\n  | c\n  | d")]
    [InlineData("red \u001b[31mtext\u001b[0m", "mallory: red \ufffd[31mtext\ufffd[0m")]
    [InlineData("abc\u202edcba", "mallory: abc\ufffddcba")]
    public void Format_ShowsEveryLineAfterTheFirstAsAContinuation_AndNoControlCharacters(string text, string shown)
    {
        var message = new ChatMessage(1, DateTimeOffset.UnixEpoch, ChatMessageKind.Chat, "mallory", text, Recipient: null);

        Assert.Equal(shown, MessageFormatter.Format(message, "alice").Text);
    }

    [Fact]
    public void Format_DirectMessageOfSeveralLines_IsMarkedToo()
    {
        var message = new ChatMessage(1, DateTimeOffset.UnixEpoch, ChatMessageKind.Chat, "mallory", "@alice psst\nbob: hi", "alice");

        Assert.Equal("mallory → you: psst\n  | bob: hi", MessageFormatter.Format(message, "alice").Text);
    }
}
