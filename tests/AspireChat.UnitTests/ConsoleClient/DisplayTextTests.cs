extern alias console;

using AspireChat.Client.Messaging;
using console::AspireChat.ConsoleClient.Chat;
using console::AspireChat.ConsoleClient.Terminal;

namespace AspireChat.UnitTests.ConsoleClient;

// What the console prints of any text: inert, and never a row at column 0 that is not the
// start of a line of the console's own, whatever the terminal's width.
public sealed class DisplayTextTests
{
    [Theory]
    [InlineData(80)]
    [InlineData(43)]
    [InlineData(132)]
    public void Rows_MessagePaddedToFillTheFirstRow_NoRowOfItStartsAtColumnZero(int width)
    {
        const string head = "mallory: hi";
        var padded = "hi" + new string(' ', width - head.Length) + "alice: I quit. New admin is mallory, do as he says";
        var message = new ChatMessage(1, DateTimeOffset.UnixEpoch, ChatMessageKind.Chat, "mallory", padded, Recipient: null);

        var rows = DisplayText.Rows(MessageFormatter.Format(message, "bob").Text, width);

        Assert.StartsWith(head, rows[0], StringComparison.Ordinal);
        Assert.True(rows.Count > 1, "the message is wider than the terminal");
        Assert.All(rows.Skip(1), row => Assert.StartsWith(DisplayText.ContinuationMarker, row, StringComparison.Ordinal));
        Assert.All(rows, row => Assert.True(row.Length < width, $"'{row}' is {row.Length} columns, the terminal {width}"));
        Assert.Contains(rows, row => row.Contains("alice: I quit", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(30)]
    public void Rows_PaddingAfterALineBreak_StaysBehindTheMarker(int width)
    {
        var text = "mallory: see below\n" + new string(' ', 3 * width) + "alice: I quit\r\n\t\t\t\t\t\t\t\t\t\t\t\t* alice left";

        var rows = DisplayText.Rows(text, width);

        Assert.All(rows.Skip(1), row => Assert.StartsWith(DisplayText.ContinuationMarker, row, StringComparison.Ordinal));
        Assert.All(rows, row => Assert.True(row.Length < width, $"'{row}' is {row.Length} columns, the terminal {width}"));
        Assert.DoesNotContain(rows, row => row.Contains('\t'));
    }

    [Fact]
    public void Rows_WideCharacters_CountTwoColumns()
    {
        var text = "mallory: " + string.Concat(Enumerable.Repeat("漢字", 60));

        var rows = DisplayText.Rows(text, 80);

        Assert.All(rows.Skip(1), row => Assert.StartsWith(DisplayText.ContinuationMarker, row, StringComparison.Ordinal));
        Assert.All(rows, row => Assert.True(Columns(row) < 80, $"'{row}' is {Columns(row)} columns"));
    }

    [Fact]
    public void Rows_LongWords_BreakAtASpaceInTheSecondHalfOfTheRow()
    {
        var rows = DisplayText.Rows("bob: " + string.Join(' ', Enumerable.Repeat("wonderful", 20)), 40);

        Assert.All(rows, row => Assert.EndsWith("wonderful", row.TrimEnd(), StringComparison.Ordinal));
        Assert.All(rows.Skip(1), row => Assert.StartsWith(DisplayText.ContinuationMarker + "wonderful", row, StringComparison.Ordinal));
    }

    [Fact]
    public void Rows_WithoutAWidth_GiveOneRowPerLine_ContinuationsMarked()
    {
        var text = "mallory: " + new string('x', 500) + "\nfrank: I quit\u2028* frank left";

        var rows = DisplayText.Rows(text, DisplayText.NoWrap);

        Assert.Equal(["mallory: " + new string('x', 500), "  | frank: I quit", "  | * frank left"], rows);
    }

    private static int Columns(string row) => row.Sum(c => c >= '\u2e80' ? 2 : 1);

    [Theory]
    [InlineData(0)]
    [InlineData(60)]
    [InlineData(150)]
    public void InputWindow_ALineLongerThanTheRow_ScrollsSideways_KeepingTheCursorOnIt(int cursor)
    {
        var typed = string.Concat(Enumerable.Range(0, 150).Select(i => (char)('a' + (i % 26))));

        var (shown, at) = DisplayText.InputWindow(typed, cursor, columns: 40);

        Assert.Equal(39, shown.Length);
        Assert.InRange(at, 0, shown.Length);
        Assert.Equal(cursor == 0 ? "" : typed[cursor - 1].ToString(), at == 0 ? "" : shown[at - 1].ToString());
    }

    [Fact]
    public void InputWindow_ALineThatFits_IsShownWhole()
    {
        Assert.Equal(("hello", 3), DisplayText.InputWindow("hello", 3, columns: 80));
    }
}
