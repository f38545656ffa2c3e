using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace AspireChat.Protocol;

// The conventions of the chat protocol that protos/chat.proto cannot say: call metadata names,
// the "@name" rule of direct messages and what makes two usernames the same. The one definition:
// every project links this file (as it compiles chat.proto), so service, client library,
// console, bots and bench can never disagree. Internal, so each project's copy stays its own.
internal static class ChatConventions
{
    // Request metadata: the session token AddUser returned.
    public const string SessionTokenHeader = "chat-session-token";

    // Listen response headers, written as soon as the stream is subscribed (so a client knows it
    // is live): the room's last sequence number then ...
    public const string SequenceHeader = "chat-sequence";

    // ... the room's epoch: sequence numbers start again in a new epoch (a restarted service) ...
    public const string EpochHeader = "chat-epoch";

    // ... and how many sequence numbers after resume_after history no longer holds.
    public const string MissedHeader = "chat-missed";

    public const int MaxUsernameLength = 32;

    // "@bob hi" is a direct message to bob: '@', a name, then any Unicode whitespace (a space,
    // a tab, a no-break or an ideographic space ...). Anything else is a broadcast.
    // Decided on the normalised text, so a typo never sends a private message to the room:
    // leading whitespace and invisible characters (zero-width space, word joiner, BOM ...) are
    // skipped, and the full-width '＠' and small '﹫' are '@'. The recipient is what follows the
    // '@' up to the whitespace, exactly as typed: an invisible character inside it makes a name
    // nobody has, so the service answers "no such user" rather than broadcasting.
    public static bool TryParseDirect(string? text, out string recipient, out string body)
    {
        recipient = "";
        body = "";
        if (text is null)
        {
            return false;
        }

        var start = 0;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || IsInvisible(text[start])))
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
        if (end == start + 1 || end == text.Length)
        {
            return false;
        }

        recipient = text[(start + 1)..end];
        body = text[end..].Trim();
        return true;
    }

    // '@', the full-width '＠' (U+FF20) and the small '﹫' (U+FE6B) all start a direct message.
    public static bool IsAtSign(char c) => c is '@' or '\uff20' or '\ufe6b';

    // Characters that show nothing (Unicode's Default_Ignorable_Code_Point, the BMP part): the
    // soft hyphen, the combining grapheme joiner, zero-width space, joiners and marks, word
    // joiner and invisible operators, BOM, variation selectors, Mongolian free variation
    // selectors, Hangul fillers ...
    public static bool IsInvisible(char c) => c switch
    {
        '\u00ad' or '\u034f' or '\u061c' or '\u115f' or '\u1160' or '\u17b4' or '\u17b5' or '\u3164' or '\ufeff' or '\uffa0' => true,
        >= '\u180b' and <= '\u180f' => true,
        >= '\u200b' and <= '\u200f' => true,
        >= '\u202a' and <= '\u202e' => true,
        >= '\u2060' and <= '\u206f' => true,
        >= '\ufe00' and <= '\ufe0f' => true,
        >= '\ufff0' and <= '\ufff8' => true,
        _ => false,
    };

    // The text of a direct message to recipient.
    public static string FormatDirect(string recipient, string body) => $"@{recipient} {body}";

    // Whether two usernames name the same user.
    public static bool SameUsername(string? left, string? right) =>
        left is not null && right is not null && UsernameKey(left) == UsernameKey(right);

    // The form two names are compared in: one key per user.
    public static string UsernameKey(string name) => NormalizeUsername(name).ToUpperInvariant();

    // The canonical form used to compare a claimed name with a registered one; not a validation.
    public static string NormalizeUsername(string name)
    {
        try
        {
            return name.IsNormalized(NormalizationForm.FormKC) ? name : name.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalised; such a name matches nobody's.
            return name;
        }
    }

    // Usernames: 1-32 characters, letters, digits, '_', '-' and '.', Unicode-normalised (NFKC, so
    // look-alike compatibility forms such as full-width letters become one name).
    public static bool TryNormalizeUsername(string? requested, [NotNullWhen(true)] out string? username, [NotNullWhen(false)] out string? error)
    {
        username = null;
        error = CheckUsername(requested, out var normalized);
        if (error is null)
        {
            username = normalized!;
        }
        return error is null;
    }

    private static string? CheckUsername(string? requested, out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrEmpty(requested))
        {
            return "A username is required.";
        }

        string candidate;
        try
        {
            candidate = requested.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return "The username is not valid Unicode text.";
        }

        var length = 0;
        var first = true;
        foreach (var rune in candidate.EnumerateRunes())
        {
            length++;
            if (CheckUsernameRune(rune, first) is { } problem)
            {
                return problem;
            }
            first = false;
        }

        if (length > MaxUsernameLength)
        {
            return $"A username has at most {MaxUsernameLength} characters; this one has {length}.";
        }

        normalized = candidate;
        return null;
    }

    private static string? CheckUsernameRune(Rune rune, bool first)
    {
        if (Rune.IsWhiteSpace(rune))
        {
            return "A username cannot contain spaces or other whitespace.";
        }
        if (Rune.IsControl(rune))
        {
            return "A username cannot contain control characters.";
        }
        if (rune.Value == '@')
        {
            return "A username cannot contain '@': it starts a direct message.";
        }
        if (Rune.IsLetterOrDigit(rune) || rune.Value is '_' or '-' or '.')
        {
            return null;
        }
        // Combining marks belong to the letter before them (many scripts need them).
        if (!first && Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
        {
            return null;
        }
        return "A username may contain only letters, digits, '_', '-' and '.'.";
    }
}
