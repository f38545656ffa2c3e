using AspireChat.Conventions;

namespace AspireChat.UnitTests.Rules;

// How any text a user wrote shows, in the console and on the page alike: inert.
public sealed class InertTextTests
{
    [Theory]
    [InlineData("\u001b]0;pwned\u0007", @"\x1b]0;pwned\x07")]
    [InlineData("\u001b]52;c;cm0gLXJmIH4=\u0007", @"\x1b]52;c;cm0gLXJmIH4=\x07")]
    [InlineData("\u001b[2J\u001b[H", @"\x1b[2J\x1b[H")]
    [InlineData("\u001bP1$r\u001b\\", @"\x1bP1$r\x1b\")]
    [InlineData("\u009b31m\u009d0;t\u009c", @"\x9b31m\x9d0;t\x9c")]
    [InlineData("a\rb\nc\td\u007f", @"a\x0db\x0ac\x09d\x7f")]
    [InlineData("abc\u202edcba\u2066x\u2069", "abc<U+202E>dcba<U+2066>x<U+2069>")]
    [InlineData("al\u200bice\ufeff\u2028", "al<U+200B>ice<U+FEFF><U+2028>")]
    public void Inert_ShowsEveryControlBidiAndInvisibleCharacterAsAVisibleEscape(string text, string shown)
    {
        Assert.Equal(shown, InertText.Of(text));
    }

    [Fact]
    public void Lines_SplitsAtEveryLineBreak_AndMakesEachLineInert()
    {
        var lines = InertText.Lines("hi\r\nbob: send me your password\rthen\u202e\nend");

        Assert.Equal(["hi", "bob: send me your password", "then<U+202E>", "end"], lines);
    }
}
