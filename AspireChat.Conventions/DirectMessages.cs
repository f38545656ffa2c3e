namespace AspireChat.Conventions;

// "@bob hi" is a direct message to bob: '@', a name, then any Unicode whitespace (a space,
// a tab, a no-break or an ideographic space ...). Anything else is a broadcast.
public static class DirectMessages
{
    // Decided on the normalised text, so a typo never sends a private message to the room:
    // leading whitespace and invisible characters (zero-width space, word joiner, BOM ...) are
    // skipped, and the full-width '＠' and small '﹫' are '@'. The recipient is what follows the
    // '@' up to the whitespace, exactly as typed: an invisible character inside it makes a name
    // nobody has, so the service answers "no such user" rather than broadcasting.
    public static bool TryParse(string? text, out string recipient, out string body)
    {
        recipient = "";
        body = "";
        if (text is null)
        {
            return false;
        }

        var start = 0;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || InvisibleCharacters.Contains(text[start])))
        {
            start++;
        }
        if (start == text.Length || !IsAtSign(text[start]))
        {
            return false;
        }

        var end = start + 1;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }
        // "@bob" alone is a broadcast; but "@bob\u200bsecret" looks like "@bob secret": with an
        // invisible or blank character in it, it is a direct message to a name nobody can have.
        if (end == start + 1 || (end == text.Length && !text.Skip(start + 1).Any(c => InvisibleCharacters.Contains(c) || c == '\u2800')))
        {
            return false;
        }

        recipient = text[(start + 1)..end];
        // Trimmed before it is copied: a message's body is copied once.
        body = text.AsSpan(end).Trim().ToString();
        return true;
    }

    // '@', the full-width '＠' (U+FF20) and the small '﹫' (U+FE6B) all start a direct message.
    public static bool IsAtSign(char c) => c is '@' or '\uff20' or '\ufe6b';

    // The text of a direct message to recipient.
    public static string Format(string recipient, string body) => $"@{recipient} {body}";
}
