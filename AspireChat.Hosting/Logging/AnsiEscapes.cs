using System.Text.RegularExpressions;

namespace AspireChat.Hosting.Logging;

// Resources write colour codes (DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION, as under
// Aspire); a reader that is not a terminal wants the text without them.
internal static partial class AnsiEscapes
{
    public static string Strip(string text) => text.Contains('\e') ? Sequence().Replace(text, "") : text;

    [GeneratedRegex(@"\e\[[0-9;?]*[A-Za-z]")]
    private static partial Regex Sequence();
}
