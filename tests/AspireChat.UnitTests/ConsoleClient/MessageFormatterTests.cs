extern alias console;

using AspireChat.Client.Messaging;
using console::AspireChat.ConsoleClient.Chat;
using console::AspireChat.ConsoleClient.Terminal;

namespace AspireChat.UnitTests.ConsoleClient;

// No line a message prints can pass for another message or a notice, and nothing in it is
// anything but text to the terminal.
public sealed class MessageFormatterTests
{
    [Theory]
    [InlineData("hi\nfrank: I quit", "mallory: hi\n  | frank: I quit")]
    [InlineData("hi\r\n* frank left", "mallory: hi\n  | * frank left")]
    [InlineData("hi\rfrank: I quit", "mallory: hi\n  | frank: I quit")]
    [InlineData("a\u2028b\u2029c\u0085d", "mallory: a\n  | b\n  | c\n  | d")]
    [InlineData("red \u001b[31mtext\u001b[0m", @"mallory: red \x1b[31mtext\x1b[0m")]
    [InlineData("abc\u202edcba", "mallory: abc<U+202E>dcba")]
    public void Format_ShowsEveryLineAfterTheFirstAsAContinuation_AndNoControlCharacters(string text, string shown)
    {
        var message = new ChatMessage(1, DateTimeOffset.UnixEpoch, ChatMessageKind.Chat, "mallory", text, Recipient: null);

        Assert.Equal(shown, Shown(message));
    }

    [Fact]
    public void Format_DirectMessageOfSeveralLines_IsMarkedToo()
    {
        var message = new ChatMessage(1, DateTimeOffset.UnixEpoch, ChatMessageKind.Chat, "mallory", "@alice psst\nbob: hi", "alice");

        Assert.Equal("mallory → you: psst\n  | bob: hi", Shown(message));
    }

    [Fact]
    public void Format_ALineBreakInAName_IsShownAsAnEscape_NotALine()
    {
        var message = new ChatMessage(1, DateTimeOffset.UnixEpoch, ChatMessageKind.Joined, "mal\nalice: hi\u001b[2J", "", Recipient: null);

        Assert.Equal(@"* mal\x0aalice: hi\x1b[2J joined", Shown(message));
    }

    [Fact]
    public void Format_Announcement_IsANoticeFromTheRoom_WithItsLinesMarked()
    {
        var message = new ChatMessage(1, DateTimeOffset.UnixEpoch, ChatMessageKind.Announcement, "room", "closing at noon\nalice: bye\u001b[2J", Recipient: null);

        var (_, kind) = MessageFormatter.Format(message, "alice");

        Assert.Equal(LineKind.Notice, kind);
        Assert.Equal(@"* room: closing at noon" + "\n" + @"  | alice: bye\x1b[2J", Shown(message));
    }

    private static string Shown(ChatMessage message) =>
        string.Join('\n', DisplayText.Rows(MessageFormatter.Format(message, "alice").Text, DisplayText.NoWrap));
}
