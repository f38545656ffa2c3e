using System.Globalization;
using System.Text;

namespace AspireChat.Conventions;

// The one rule for showing text a user (or another server) wrote, in a terminal or a page: it is
// inert. C0 and C1 controls (so every escape sequence: CSI, OSC, DCS ...) show as "\x1b",
// bidirectional controls, invisible and other format characters and line or paragraph
// separators as "<U+202E>", so no text can move a cursor, clear or retitle a terminal, reverse
// what follows it or hide part of itself. Markup needs no rule here: a page renders text as text.
public static class InertText
{
    // Text for the inside of one line (a name, a prompt): line breaks and tabs are escaped too.
    public static string Of(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            builder.Append(Show(rune));
        }
        return builder.ToString();
    }

    // Lines of text (a message) as lines of inert text: a line break, whichever (\n, \r, \r\n),
    // ends a line; how the lines are set apart is the display's choice.
    public static IReadOnlyList<string> Lines(string text) =>
        [.. text.ReplaceLineEndings("\n").Split('\n').Select(Of)];

    // How one character shows.
    public static string Show(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control => string.Create(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}"),
        UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            => string.Create(CultureInfo.InvariantCulture, $"<U+{rune.Value:X4}>"),
        _ when InvisibleCharacters.Contains(rune) => string.Create(CultureInfo.InvariantCulture, $"<U+{rune.Value:X4}>"),
        _ => rune.ToString(),
    };
}
