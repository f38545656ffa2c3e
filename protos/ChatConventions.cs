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

    // The most UTF-8 bytes a requested username may have, checked before anything else looks at
    // it: normalisation costs time quadratic in a run of combining marks, so an unbounded name
    // would cost the service seconds of CPU. 32 characters of 4 bytes, each of which NFC may have
    // composed from up to 4 code points, fit.
    public const int MaxUsernameBytes = MaxUsernameLength * 4 * 4;

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
        if (end == start + 1)
        {
            return false;
        }
        if (end == text.Length)
        {
            // "@bob" alone is a broadcast; but "@bob\u200bsecret" looks like "@bob secret": with an
            // invisible or blank character in it, it is a direct message to a name nobody can have.
            if (!text.Skip(start + 1).Any(c => IsInvisible(c) || c == '\u2800'))
            {
                return false;
            }
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
    // A name too long to be valid names nobody, and is not normalised.
    public static bool SameUsername(string? left, string? right) =>
        left is not null && right is not null && IsWithinUsernameBytes(left) && IsWithinUsernameBytes(right) && UsernameKey(left) == UsernameKey(right);

    // Counts no further than the limit: the whole of a long string is never read.
    public static bool IsWithinUsernameBytes(string name) =>
        name.Length <= MaxUsernameBytes && Encoding.UTF8.GetByteCount(name) <= MaxUsernameBytes;

    // ---- Usernames: PRECIS UsernameCaseMapped (RFC 8265) and UTS #39 -------------------------
    //
    // A username is 1-32 characters: letters, digits, '_', '-' and '.', and combining marks after
    // a letter. It is stored as typed after width mapping (full-width 'ａ' is 'a') and NFC, and
    // compared case-insensitively (the PRECIS case-mapped form, UsernameKey). Refused, each with
    // its own message: whitespace, control and invisible characters (Default_Ignorable_Code_Point:
    // joiners, variation selectors, Mongolian free variation selectors, Hangul fillers ...),
    // compatibility characters (PRECIS IdentifierClass disallows them: 'ﬁ', '²', 'ℌ'), letters of
    // more than one script (UTS #39 "highly restrictive": one script, or Latin with Han and
    // Hiragana/Katakana, Bopomofo or Hangul) and digits of more than one numbering system.
    // Two names whose confusable skeletons (UTS #39) are equal look alike, and only one of them
    // can be online: "aIice" for "alice", "alıce", Cyrillic "рор" for "pop", "rnallory".
    //
    // Limits, by design: .NET has no script property, so scripts come from the block table
    // below (the scripts of living languages; a letter outside it counts as one "other" script);
    // and the Unicode confusables data file is not shipped with .NET or any NuGet package we
    // found, so the skeleton uses the focused subset s_confusables below (Latin, Cyrillic and
    // Greek look-alikes of Latin letters, 0/o, 1/l/I, rn/m, vv/w, cl/d), not all of
    // confusables.txt.

    // The form two names are compared in (PRECIS UsernameCaseMapped): width-mapped, NFC, lower case.
    public static string UsernameKey(string name) => NormalizeForm(NormalizeUsername(name).ToLowerInvariant());

    // The stored form of a name (PRECIS UsernameCasePreserved): width-mapped, then NFC. Tolerant
    // of any input; not a validation.
    public static string NormalizeUsername(string name)
    {
        var mapped = name;
        if (name.AsSpan().IndexOfAnyInRange('\uff00', '\uffef') >= 0)
        {
            var builder = new StringBuilder(name.Length);
            foreach (var c in name)
            {
                builder.Append(c is >= '\uff00' and <= '\uffef' ? NormalizeForm(c.ToString(), NormalizationForm.FormKC) : c);
            }
            mapped = builder.ToString();
        }
        return NormalizeForm(mapped);
    }

    // The UTS #39 skeleton: two names with the same skeleton are confusable. Decomposed, each
    // look-alike mapped to its Latin prototype, lower-cased, mapped again (for the lower-case
    // forms of capitals), decomposed: "aIice", "AIice" and "alice" are all "alice".
    public static string UsernameSkeleton(string name)
    {
        var once = MapConfusables(NormalizeForm(NormalizeUsername(name), NormalizationForm.FormD));
        return NormalizeForm(MapConfusables(once.ToLowerInvariant()), NormalizationForm.FormD);
    }

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

    // Characters that show nothing: Unicode's Default_Ignorable_Code_Point (soft hyphen,
    // combining grapheme joiner, Hangul fillers, Mongolian free variation selectors, zero-width
    // space, joiners and marks, bidi controls, word joiner and invisible operators, variation
    // selectors, BOM, tags and the variation selectors supplement ...).
    public static bool IsInvisible(Rune rune) => rune.IsBmp ? IsInvisible((char)rune.Value) : rune.Value is (>= 0x1bca0 and <= 0x1bca3) or (>= 0x1d173 and <= 0x1d17a) or (>= 0xe0000 and <= 0xe0fff);

    private static string? CheckUsername(string? requested, out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrEmpty(requested))
        {
            return "A username is required.";
        }
        if (!IsWithinUsernameBytes(requested))
        {
            return $"A username has at most {MaxUsernameLength} characters; this one is far longer.";
        }
        if (!IsValidUtf16(requested))
        {
            return "The username is not valid Unicode text.";
        }

        var candidate = NormalizeUsername(requested);
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
        if ((CheckScripts(candidate) ?? CheckDigits(candidate)) is { } mixed)
        {
            return mixed;
        }

        normalized = candidate;
        return null;
    }

    private static string? CheckUsernameRune(Rune rune, bool first)
    {
        if (IsInvisible(rune))
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
        if (rune.IsBmp && IsAtSign((char)rune.Value))
        {
            return "A username cannot contain '@': it starts a direct message.";
        }
        var text = rune.ToString();
        if (NormalizeForm(text, NormalizationForm.FormKC) is var plain && plain != text)
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
        var scripts = new List<string>();
        foreach (var rune in name.EnumerateRunes())
        {
            if ((Rune.IsLetter(rune) || (Rune.IsDigit(rune) && rune.Value > 0x7f)) && ScriptOf(rune) is var script && !scripts.Contains(script))
            {
                scripts.Add(script);
            }
        }
        string[][] allowed = [["Latin", "Han", "Hiragana", "Katakana"], ["Latin", "Han", "Bopomofo"], ["Latin", "Han", "Hangul"]];
        if (scripts.Count <= 1 || allowed.Any(set => scripts.All(set.Contains)))
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

    private static string ScriptOf(Rune rune)
    {
        foreach (var (first, last, script) in s_scripts)
        {
            if (rune.Value >= first && rune.Value <= last)
            {
                return script;
            }
        }
        return "other";
    }

    private static string MapConfusables(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (s_confusables.TryGetValue(rune.Value, out var prototype))
            {
                builder.Append(prototype);
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }
        return builder.ToString();
    }

    // No lone surrogates (they cannot be normalised or sent as UTF-8).
    private static bool IsValidUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static string NormalizeForm(string text, NormalizationForm form = NormalizationForm.FormC)
    {
        try
        {
            return text.IsNormalized(form) ? text : text.Normalize(form);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalised; such a name matches nobody's.
            return text;
        }
    }

    // The scripts of letters, by Unicode block (first, last, script): the blocks of the scripts
    // in everyday use. A letter outside them is of script "other".
    private static readonly (int First, int Last, string Script)[] s_scripts =
    [
        (0x0041, 0x024f, "Latin"), (0x0250, 0x02af, "Latin"), (0x1d00, 0x1dbf, "Latin"), (0x1e00, 0x1eff, "Latin"),
        (0x2c60, 0x2c7f, "Latin"), (0xa720, 0xa7ff, "Latin"), (0xab30, 0xab6f, "Latin"),
        (0x0370, 0x03ff, "Greek"), (0x1f00, 0x1fff, "Greek"),
        (0x0400, 0x052f, "Cyrillic"), (0x1c80, 0x1c8f, "Cyrillic"), (0x2de0, 0x2dff, "Cyrillic"), (0xa640, 0xa69f, "Cyrillic"),
        (0x0530, 0x058f, "Armenian"), (0x0590, 0x05ff, "Hebrew"), (0xfb1d, 0xfb4f, "Hebrew"),
        (0x0600, 0x06ff, "Arabic"), (0x0750, 0x077f, "Arabic"), (0x08a0, 0x08ff, "Arabic"), (0xfb50, 0xfdff, "Arabic"), (0xfe70, 0xfeff, "Arabic"),
        (0x0700, 0x074f, "Syriac"), (0x0780, 0x07bf, "Thaana"),
        (0x0900, 0x097f, "Devanagari"), (0x0980, 0x09ff, "Bengali"), (0x0a00, 0x0a7f, "Gurmukhi"), (0x0a80, 0x0aff, "Gujarati"),
        (0x0b00, 0x0b7f, "Oriya"), (0x0b80, 0x0bff, "Tamil"), (0x0c00, 0x0c7f, "Telugu"), (0x0c80, 0x0cff, "Kannada"),
        (0x0d00, 0x0d7f, "Malayalam"), (0x0d80, 0x0dff, "Sinhala"), (0x0e00, 0x0e7f, "Thai"), (0x0e80, 0x0eff, "Lao"),
        (0x0f00, 0x0fff, "Tibetan"), (0x1000, 0x109f, "Myanmar"), (0x10a0, 0x10ff, "Georgian"), (0x1c90, 0x1cbf, "Georgian"),
        (0x1100, 0x11ff, "Hangul"), (0x3130, 0x318f, "Hangul"), (0xa960, 0xa97f, "Hangul"), (0xac00, 0xd7ff, "Hangul"),
        (0x1200, 0x139f, "Ethiopic"), (0x13a0, 0x13ff, "Cherokee"), (0x1400, 0x167f, "Canadian Aboriginal"),
        (0x1780, 0x17ff, "Khmer"), (0x1800, 0x18af, "Mongolian"),
        (0x3040, 0x309f, "Hiragana"), (0x30a0, 0x30ff, "Katakana"), (0x31f0, 0x31ff, "Katakana"), (0x3100, 0x312f, "Bopomofo"), (0x31a0, 0x31bf, "Bopomofo"),
        (0x3005, 0x3007, "Han"), (0x3400, 0x4dbf, "Han"), (0x4e00, 0x9fff, "Han"), (0xf900, 0xfaff, "Han"), (0x20000, 0x3ffff, "Han"),
    ];

    // A focused subset of Unicode's confusables.txt (UTS #39): look-alikes of Latin letters and
    // digits, each mapped to its Latin prototype. Capitals that look like a different Latin
    // small letter ('I' like 'l') are mapped before lower-casing; other capitals follow their
    // small letter after it.
    private static readonly Dictionary<int, string> s_confusables = new()
    {
        // Latin and digits
        ['0'] = "o", ['1'] = "l", ['I'] = "l", ['m'] = "rn", ['w'] = "vv", ['d'] = "cl",
        [0x0131] = "i", [0x0269] = "i", [0x0237] = "j", [0x0261] = "g", [0x0251] = "a", [0x01c0] = "l", [0x0433] = "r",
        // Cyrillic capitals
        [0x0405] = "s", [0x0406] = "l", [0x0408] = "j", [0x0410] = "a", [0x0412] = "b", [0x0415] = "e", [0x041a] = "k",
        [0x041c] = "m", [0x041d] = "h", [0x041e] = "o", [0x0420] = "p", [0x0421] = "c", [0x0422] = "t", [0x0423] = "y", [0x0425] = "x",
        // Cyrillic small letters
        [0x0430] = "a", [0x0435] = "e", [0x043e] = "o", [0x0440] = "p", [0x0441] = "c", [0x0443] = "y", [0x0445] = "x",
        [0x0455] = "s", [0x0456] = "i", [0x0458] = "j", [0x04bb] = "h", [0x04cf] = "l", [0x0501] = "d", [0x051b] = "q", [0x051d] = "w", [0x04af] = "y",
        // Greek capitals
        [0x0391] = "a", [0x0392] = "b", [0x0395] = "e", [0x0396] = "z", [0x0397] = "h", [0x0399] = "l", [0x039a] = "k",
        [0x039c] = "m", [0x039d] = "n", [0x039f] = "o", [0x03a1] = "p", [0x03a4] = "t", [0x03a5] = "y", [0x03a7] = "x",
        // Greek small letters
        [0x03b1] = "a", [0x03b3] = "y", [0x03b9] = "i", [0x03ba] = "k", [0x03bd] = "v", [0x03bf] = "o", [0x03c1] = "p", [0x03c5] = "u", [0x03c7] = "x",
    };
}
