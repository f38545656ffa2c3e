using System.Globalization;
using System.Text;
using Google.Protobuf.WellKnownTypes;

namespace AspireChat.AppHost.Operations;

// How the commands' results put times and names, as the chat service words its notices.
internal static class OperatorText
{
    // What formats or breaks a table cell's text (a cell never starts a line, so # - + do not).
    private const string MarkdownSpecials = "\\`*_[]<>|~";

    // "14:50:00 UTC"
    public static string Time(Timestamp timestamp) =>
        timestamp.ToDateTime().ToString("HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    // "1h 05m", "4m 12s", "12s"
    public static string Duration(TimeSpan duration) => duration switch
    {
        { TotalHours: >= 1 } => $"{(int)duration.TotalHours}h {duration.Minutes:00}m",
        { TotalMinutes: >= 1 } => $"{duration.Minutes}m {duration.Seconds:00}s",
        _ => $"{Math.Max(0, duration.Seconds)}s",
    };

    // A user's name in a Markdown table is text, never formatting or a column break.
    public static string Markdown(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(MarkdownSpecials.Contains(c) ? "\\" : "").Append(c);
        }
        return escaped.ToString();
    }
}
