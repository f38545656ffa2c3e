extern alias console;

using console::AspireChat.ConsoleClient.Terminal;

namespace AspireChat.UnitTests.ConsoleClient;

// The console's line-editing keys, as a terminal delivers them.
public sealed class LineEditorTests
{
    [Fact]
    public void Typing_ThenEnter_SubmitsTheLine()
    {
        var editor = new LineEditor();

        Type(editor, "hello");
        var outcome = editor.Apply(Key(ConsoleKey.Enter, '\r'), out var line);

        Assert.Equal((LineEditOutcome.Submitted, "hello"), (outcome, line));
        Assert.Equal(("", 0), (editor.Text, editor.Cursor));
    }

    [Fact]
    public void LeftArrow_ThenTyping_InsertsAtTheCursor_AndRightArrowMovesBack()
    {
        var editor = new LineEditor();
        Type(editor, "helo");

        editor.Apply(Key(ConsoleKey.LeftArrow), out _);
        Type(editor, "l");
        editor.Apply(Key(ConsoleKey.RightArrow), out _);
        Type(editor, "!");

        Assert.Equal("hello!", editor.Text);
        Assert.Equal(6, editor.Cursor);
    }

    [Fact]
    public void HomeEnd_AndCtrlAE_MoveToEitherEnd()
    {
        var editor = new LineEditor();
        Type(editor, "middle");

        editor.Apply(Key(ConsoleKey.Home), out _);
        Assert.Equal(0, editor.Cursor);
        editor.Apply(Key(ConsoleKey.End), out _);
        Assert.Equal(6, editor.Cursor);
        editor.Apply(Ctrl(ConsoleKey.A), out _);
        Assert.Equal(0, editor.Cursor);
        editor.Apply(Ctrl(ConsoleKey.E), out _);
        Assert.Equal(6, editor.Cursor);
    }

    [Fact]
    public void Backspace_And_Delete_RemoveEitherSideOfTheCursor()
    {
        var editor = new LineEditor();
        Type(editor, "abcd");
        editor.Apply(Key(ConsoleKey.LeftArrow), out _);
        editor.Apply(Key(ConsoleKey.LeftArrow), out _);

        editor.Apply(Key(ConsoleKey.Backspace, '\u007f'), out _);
        editor.Apply(Key(ConsoleKey.Delete), out _);

        Assert.Equal("ad", editor.Text);
        Assert.Equal(1, editor.Cursor);
    }

    [Fact]
    public void CtrlU_RemovesToTheStart_CtrlK_ToTheEnd()
    {
        var editor = new LineEditor();
        Type(editor, "one two three");
        for (var i = 0; i < 6; i++)
        {
            editor.Apply(Key(ConsoleKey.LeftArrow), out _);
        }

        editor.Apply(Ctrl(ConsoleKey.U), out _);
        Assert.Equal((" three", 0), (editor.Text, editor.Cursor));
        editor.Apply(Ctrl(ConsoleKey.K), out _);
        Assert.Equal("", editor.Text);
    }

    [Fact]
    public void CtrlW_RemovesTheWordBeforeTheCursor()
    {
        var editor = new LineEditor();
        Type(editor, "@bob hello there  ");

        editor.Apply(Ctrl(ConsoleKey.W), out _);
        Assert.Equal("@bob hello ", editor.Text);
        editor.Apply(Ctrl(ConsoleKey.W), out _);
        Assert.Equal("@bob ", editor.Text);
    }

    [Fact]
    public void UpAndDown_WalkTheLinesSentBefore_AndBackToTheDraft()
    {
        var editor = new LineEditor();
        Submit(editor, "first");
        Submit(editor, "second");
        Type(editor, "draft");

        editor.Apply(Key(ConsoleKey.UpArrow), out _);
        Assert.Equal("second", editor.Text);
        editor.Apply(Key(ConsoleKey.UpArrow), out _);
        Assert.Equal("first", editor.Text);
        editor.Apply(Key(ConsoleKey.UpArrow), out _);
        Assert.Equal("first", editor.Text);
        editor.Apply(Key(ConsoleKey.DownArrow), out _);
        Assert.Equal("second", editor.Text);
        editor.Apply(Key(ConsoleKey.DownArrow), out _);
        Assert.Equal(("draft", 5), (editor.Text, editor.Cursor));
    }

    [Fact]
    public void CtrlD_OnAnEmptyLine_EndsInput_AndOtherwiseDeletes()
    {
        var editor = new LineEditor();
        Type(editor, "ab");
        editor.Apply(Key(ConsoleKey.Home), out _);

        Assert.Equal(LineEditOutcome.Editing, editor.Apply(Ctrl(ConsoleKey.D), out _));
        Assert.Equal("b", editor.Text);
        editor.Apply(Ctrl(ConsoleKey.D), out _);
        Assert.Equal(LineEditOutcome.EndOfInput, editor.Apply(Ctrl(ConsoleKey.D), out _));
    }

    [Fact]
    public void ControlCharacters_AreNeverInserted_AndSurrogatePairsStayWhole()
    {
        var editor = new LineEditor();
        editor.Apply(new ConsoleKeyInfo('\u001b', ConsoleKey.Escape, false, false, false), out _);
        editor.Apply(new ConsoleKeyInfo('\t', ConsoleKey.Tab, false, false, false), out _);
        Type(editor, "hi \ud83d\ude00");

        editor.Apply(Key(ConsoleKey.Backspace, '\b'), out _);

        Assert.Equal("hi ", editor.Text);
    }

    private static void Type(LineEditor editor, string text)
    {
        foreach (var c in text)
        {
            Assert.Equal(LineEditOutcome.Editing, editor.Apply(new ConsoleKeyInfo(c, ConsoleKey.NoName, false, false, false), out _));
        }
    }

    private static void Submit(LineEditor editor, string text)
    {
        Type(editor, text);
        editor.Apply(Key(ConsoleKey.Enter, '\r'), out _);
    }

    private static ConsoleKeyInfo Key(ConsoleKey key, char c = '\0') => new(c, key, false, false, false);

    // As a terminal sends Ctrl+letter: the control character, with the key and modifier.
    private static ConsoleKeyInfo Ctrl(ConsoleKey letter) => new((char)(letter - ConsoleKey.A + 1), letter, false, false, true);
}
