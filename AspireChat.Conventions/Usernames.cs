using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace AspireChat.Conventions;

// A username is 1-32 characters: letters, digits, '_', '-' and '.', and combining marks after
// a letter. It is stored as typed after width mapping (full-width 'ａ' is 'a') and NFC, and
// compared case-insensitively (the PRECIS case-mapped form, Key). Refused, each with
// its own message: whitespace, control and invisible characters (Default_Ignorable_Code_Point:
// joiners, variation selectors, Mongolian free variation selectors, Hangul fillers ...),
// compatibility characters (PRECIS IdentifierClass disallows them: 'ﬁ', '²', 'ℌ'), letters of
// more than one script (UTS #39 "highly restrictive": one script, or Latin with Han and
// Hiragana/Katakana, Bopomofo or Hangul) and digits of more than one numbering system.
// Two names whose confusable skeletons (UTS #39) are equal look alike, and only one of them
// can be online: "aIice" for "alice", "alıce", Cyrillic "рор" for "pop", "rnallory".
//
// Limits, by design: .NET has no script property, so scripts come from the block table
// in UnicodeScripts (the scripts of living languages; a letter outside it counts as one "other" script);
// and the Unicode confusables data file is not shipped with .NET or any NuGet package we
// found, so the skeleton uses the focused subset in Confusables (Latin, Cyrillic and
// Greek look-alikes of Latin letters, 0/o, 1/l/I, rn/m, vv/w, cl/d), not all of
// confusables.txt.
public static class Usernames
{
    public const int MaxLength = 32;

    // The name the room's announcements come from: reserved, so no user can take it (or a name
    // that looks like it), and a client that knows nothing of announcements shows "room: ...".
    public const string Announcer = "room";

    // The most UTF-8 bytes a requested username may have, checked before anything else looks at
    // it: normalisation costs time quadratic in a run of combining marks, so an unbounded name
    // would cost the service seconds of CPU. 32 characters of 4 bytes, each of which NFC may have
    // composed from up to 4 code points, fit.
    public const int MaxBytes = MaxLength * 4 * 4;

    // Whether two usernames name the same user.
    // A name too long to be valid names nobody, and is not normalised.
    public static bool Same(string? left, string? right) =>
        left is not null && right is not null && IsWithinMaxBytes(left) && IsWithinMaxBytes(right) && Key(left) == Key(right);

    // Counts no further than the limit: the whole of a long string is never read.
    public static bool IsWithinMaxBytes(string name) =>
        name.Length <= MaxBytes && Encoding.UTF8.GetByteCount(name) <= MaxBytes;

    // The form two names are compared in (PRECIS UsernameCaseMapped): width-mapped, NFC, lower case.
    public static string Key(string name) => NormalizeForm(Normalize(name).ToLowerInvariant(), NormalizationForm.FormC);

    // The stored form of a name (PRECIS UsernameCasePreserved): width-mapped, then NFC. Tolerant
    // of any input; not a validation.
    public static string Normalize(string name)
    {
        var mapped = name;
        if (HasFullWidthForms(name))
        {
            var builder = new StringBuilder(name.Length);
            foreach (var c in name)
            {
                builder.Append(c is >= '\uff00' and <= '\uffef' ? NormalizeForm(c.ToString(), NormalizationForm.FormKC) : c);
            }
            mapped = builder.ToString();
        }
        return NormalizeForm(mapped, NormalizationForm.FormC);
    }

    // A plain loop: the span search allocated (96 bytes a call) until the JIT had optimised it,
    // and a name is normalised several times for each registration.
    private static bool HasFullWidthForms(string name)
    {
        foreach (var c in name)
        {
            if (c is >= '\uff00' and <= '\uffef')
            {
                return true;
            }
        }
        return false;
    }

    // The UTS #39 skeleton: two names with the same skeleton are confusable. Decomposed, each
    // look-alike mapped to its Latin prototype, lower-cased, mapped again (for the lower-case
    // forms of capitals), decomposed: "aIice", "AIice" and "alice" are all "alice".
    public static string Skeleton(string name)
    {
        var once = Confusables.Map(NormalizeForm(Normalize(name), NormalizationForm.FormD));
        return NormalizeForm(Confusables.Map(once.ToLowerInvariant()), NormalizationForm.FormD);
    }

    public static bool TryNormalize(string? requested, [NotNullWhen(true)] out string? username, [NotNullWhen(false)] out string? error)
    {
        username = null;
        error = UsernameChecks.Check(requested, out var normalized);
        if (error is null)
        {
            username = normalized!;
        }
        return error is null;
    }

    // No lone surrogates (they cannot be normalised or sent as UTF-8).
    internal static bool IsValidUtf16(string text)
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

    internal static string NormalizeForm(string text, NormalizationForm form)
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
}
