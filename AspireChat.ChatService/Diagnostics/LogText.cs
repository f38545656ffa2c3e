using System.Globalization;
using System.Text;

namespace AspireChat.ChatService.Diagnostics;

// Makes a client's string safe to log: one line that cannot drive a terminal or reorder itself.
// Control characters (C0, C1, DEL), line and paragraph separators, bidirectional controls and
// unpaired surrogates become visible escapes (\n, \r, \t, \u001b, \u202e ...), and '\' becomes
// "\\" so an escape can never be faked. Everything else is kept, so names read as they are.
public static class LogText
{
    private const int ShortLength = 128;

    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        var first = IndexOfUnsafe(value);
        if (first < 0)
        {
            return value;
        }

        var escaped = new StringBuilder(value.Length + 16).Append(value, 0, first);
        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsSurrogatePair(value, i))
            {
                escaped.Append(c).Append(value[++i]);
            }
            else if (IsUnsafe(c))
            {
                AppendEscape(escaped, c);
            }
            else
            {
                escaped.Append(c);
            }
        }
        return escaped.ToString();
    }

    // A client's string cut to what a log line or an error detail needs: a name that is not one
    // may be as long as a request allows.
    public static string Shorten(string value) =>
        value.Length <= ShortLength ? value : $"{value.AsSpan(0, char.IsHighSurrogate(value[ShortLength - 1]) ? ShortLength - 1 : ShortLength)}… ({value.Length} characters)";

    private static int IndexOfUnsafe(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsSurrogatePair(value, i))
            {
                i++;
            }
            else if (IsUnsafe(value[i]))
            {
                return i;
            }
        }
        return -1;
    }

    // A lone surrogate here: pairs are skipped by the callers.
    private static bool IsUnsafe(char c) =>
        c == '\\' || char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' || IsBidiControl(c);

    private static bool IsBidiControl(char c) =>
        c is '\u061c' or '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');

    private static void AppendEscape(StringBuilder escaped, char c) => _ = c switch
    {
        '\\' => escaped.Append(@"\\"),
        '\n' => escaped.Append(@"\n"),
        '\r' => escaped.Append(@"\r"),
        '\t' => escaped.Append(@"\t"),
        _ => escaped.Append(@"\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
    };
}
