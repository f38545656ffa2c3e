using System.Text;
using AspireChat.Conventions;

namespace AspireChat.ConsoleClient.Terminal;

// How any text the console prints reads on screen, whoever wrote it (a chat message, a name, a
// refusal, an error's detail; the service's or another server's). Text is inert, by the rule
// the web page follows too (InertText), so no text can move the cursor, clear or retitle the
// terminal, set the clipboard or reverse what follows it. Rows never start at column 0 unless
// they are the text's first: every line break (\n, \r, \r\n, U+2028 ...) and every row past the
// width starts a row behind ContinuationMarker, so neither a line break nor a terminal's soft
// wrap can make part of a message pass for another user's line or a notice.
public static class DisplayText
{
    public const string ContinuationMarker = "  | ";

    // Unbounded: one row per line (no terminal, or one that does not say how wide it is).
    public const int NoWrap = int.MaxValue;

    private const int TabStop = 8;

    // Never narrower than this, so a marker and an escape always fit on a row.
    private const int MinimumWidth = 20;

    // The rows text shows as on a terminal width columns wide, each at most width - 1 columns:
    // the spare column keeps a row whose width is guessed one short (see Columns) off the last
    // column, where the terminal would wrap it itself, unmarked.
    public static IReadOnlyList<string> Rows(string text, int width)
    {
        var limit = width == NoWrap ? NoWrap : Math.Max(width, MinimumWidth) - 1;
        var rows = new List<string>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            Wrap(lines[i], i == 0 ? "" : ContinuationMarker, limit, rows);
        }
        return rows;
    }

    // The width of the terminal the output goes to, read at every line (the window may have been
    // resized since); NoWrap when it goes to a file or a pipe, which nothing wraps.
    public static int TerminalWidth()
    {
        if (Console.IsOutputRedirected)
        {
            return NoWrap;
        }
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : NoWrap;
        }
        catch (IOException)
        {
            return NoWrap;
        }
    }

    // The part of the line being typed that fits in columns, and where the cursor is in it: a
    // longer line scrolls sideways, with "…" where it is cut, since a line the terminal wrapped
    // onto a second row could not be redrawn in place.
    public static (string Shown, int Cursor) InputWindow(string text, int cursor, int columns)
    {
        var width = Math.Max(columns, MinimumWidth) - 1;
        if (text.Length <= width)
        {
            return (text, cursor);
        }
        // The cursor one column short of the end: the last may be "…".
        var start = Math.Clamp(cursor - (width - 1), 0, text.Length - width);
        var shown = text.Substring(start, width);
        if (start > 0)
        {
            shown = "…" + shown[1..];
        }
        if (start + width < text.Length)
        {
            shown = shown[..^1] + "…";
        }
        return (shown, cursor - start);
    }

    // One line of text as rows of at most limit columns: the first behind lead, every further
    // one behind ContinuationMarker. A row breaks after its last space when that is in its
    // second half, else where it is full.
    private static void Wrap(string line, string lead, int limit, List<string> rows)
    {
        var row = new StringBuilder(lead);
        var column = lead.Length;
        foreach (var rune in line.EnumerateRunes())
        {
            var shown = rune.Value == '\t' ? new string(' ', TabStop - (column % TabStop)) : InertText.Show(rune);
            var columns = rune.Value == '\t' ? shown.Length : Columns(shown);
            if (column + columns > limit && column > ContinuationMarker.Length)
            {
                var carried = CarryLastWord(row);
                rows.Add(row.ToString());
                row.Clear().Append(ContinuationMarker).Append(carried);
                column = ContinuationMarker.Length + Columns(carried);
                if (rune.Value == '\t')
                {
                    // A tab that ends a row is the row's end.
                    continue;
                }
            }
            row.Append(shown);
            column += columns;
        }
        rows.Add(row.ToString());
    }

    // Removes and returns what follows the row's last space, when that space is past the middle.
    private static string CarryLastWord(StringBuilder row)
    {
        var text = row.ToString();
        var space = text.LastIndexOf(' ');
        if (space < (text.Length / 2) || space <= ContinuationMarker.Length || space == text.Length - 1)
        {
            return "";
        }
        row.Length = space + 1;
        return text[(space + 1)..];
    }

    // The columns shown text takes. Guessed long rather than short: a guess too long only
    // shortens a row, one too short lets the terminal wrap it. Wide (East Asian wide and
    // full-width, emoji) is 2; everything else, combining marks included, is 1. Limit:
    // terminals that show East Asian "ambiguous" characters double wide are not accounted for.
    private static int Columns(string shown)
    {
        var columns = 0;
        foreach (var rune in shown.EnumerateRunes())
        {
            columns += IsWide(rune.Value) ? 2 : 1;
        }
        return columns;
    }

    private static bool IsWide(int c) => c switch
    {
        >= 0x1100 and <= 0x115f => true,
        >= 0x231a and <= 0x23ff => true,
        >= 0x2600 and <= 0x27bf => true,
        >= 0x2b00 and <= 0x2bff => true,
        >= 0x2e80 and <= 0xa4cf => true,
        >= 0xa960 and <= 0xa97f => true,
        >= 0xac00 and <= 0xd7a3 => true,
        >= 0xf900 and <= 0xfaff => true,
        >= 0xfe10 and <= 0xfe19 => true,
        >= 0xfe30 and <= 0xfe6f => true,
        >= 0xff00 and <= 0xff60 => true,
        >= 0xffe0 and <= 0xffe6 => true,
        >= 0x16fe0 and <= 0x1b2ff => true,
        >= 0x1f000 and <= 0x1faff => true,
        >= 0x20000 and <= 0x3fffd => true,
        _ => false,
    };
}
