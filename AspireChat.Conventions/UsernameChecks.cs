using System.Globalization;
using System.Text;

namespace AspireChat.Conventions;

// What makes a requested username valid, each problem with its own message (Usernames says the rules).
internal static class UsernameChecks
{
    private static readonly string s_announcerSkeleton = Usernames.Skeleton(Usernames.Announcer);

    private static readonly string[][] s_scriptsWrittenTogether = [["Latin", "Han", "Hiragana", "Katakana"], ["Latin", "Han", "Bopomofo"], ["Latin", "Han", "Hangul"]];

    public static string? Check(string? requested, out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrEmpty(requested))
        {
            return "A username is required.";
        }
        if (!Usernames.IsWithinMaxBytes(requested))
        {
            return $"A username has at most {Usernames.MaxLength} characters; this one is far longer.";
        }
        if (!Usernames.IsValidUtf16(requested))
        {
            return "The username is not valid Unicode text.";
        }

        var candidate = Usernames.Normalize(requested);
        if ((CheckRunes(candidate) ?? CheckScripts(candidate) ?? CheckDigits(candidate) ?? CheckReserved(candidate)) is { } problem)
        {
            return problem;
        }
        normalized = candidate;
        return null;
    }

    // The room's own name, and every name that looks like it: an announcement's sender is never
    // a user.
    private static string? CheckReserved(string name) =>
        Usernames.Skeleton(name) == s_announcerSkeleton
            ? $"The name {Usernames.Announcer} is reserved for the room's announcements; choose another."
            : null;

    private static string? CheckRunes(string candidate)
    {
        var length = 0;
        foreach (var rune in candidate.EnumerateRunes())
        {
            if (CheckRune(rune, first: length == 0) is { } problem)
            {
                return problem;
            }
            length++;
        }
        return length > Usernames.MaxLength
            ? $"A username has at most {Usernames.MaxLength} characters; this one has {length}."
            : null;
    }

    private static string? CheckRune(Rune rune, bool first)
    {
        if (InvisibleCharacters.Contains(rune))
        {
            return $"A username cannot contain invisible characters (U+{rune.Value:X4} here): the name would look like another.";
        }
        if (Rune.IsWhiteSpace(rune))
        {
            return "A username cannot contain spaces or other whitespace.";
        }
        if (Rune.IsControl(rune))
        {
            return "A username cannot contain control characters.";
        }
        if (rune.IsBmp && DirectMessages.IsAtSign((char)rune.Value))
        {
            return "A username cannot contain '@': it starts a direct message.";
        }
        // ASCII has no compatibility characters: the usual name is checked without a string per
        // character.
        if (!rune.IsAscii && rune.ToString() is var text && Usernames.NormalizeForm(text, NormalizationForm.FormKC) is var plain && plain != text)
        {
            return $"A username cannot contain compatibility characters such as '{text}'; write '{plain}' instead.";
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

    // UTS #39 "highly restrictive": one script, or Latin with the scripts Japanese, Chinese and
    // Korean write together. Digits, '_', '-', '.' and marks (Common, Inherited) go with any.
    private static string? CheckScripts(string name)
    {
        // ASCII letters are all Latin.
        if (Ascii.IsValid(name))
        {
            return null;
        }
        var scripts = new List<string>();
        foreach (var rune in name.EnumerateRunes())
        {
            if ((Rune.IsLetter(rune) || (Rune.IsDigit(rune) && rune.Value > 0x7f)) && UnicodeScripts.Of(rune) is var script && !scripts.Contains(script))
            {
                scripts.Add(script);
            }
        }
        if (scripts.Count <= 1 || s_scriptsWrittenTogether.Any(set => scripts.All(set.Contains)))
        {
            return null;
        }
        return $"A username is written in one script, so that it cannot pass for another: this one mixes {string.Join(" and ", scripts)} letters.";
    }

    // Digits of one numbering system: "1" and Arabic-Indic "١" look alike.
    private static string? CheckDigits(string name)
    {
        int? zero = null;
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber)
            {
                var thisZero = rune.Value - (int)Rune.GetNumericValue(rune);
                if (zero is { } first && first != thisZero)
                {
                    return "A username cannot mix digits of different numbering systems.";
                }
                zero = thisZero;
            }
        }
        return null;
    }
}
