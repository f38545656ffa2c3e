using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace AspireChat.ChatService.Users;

// Usernames: 1-32 characters, letters, digits, '_', '-' and '.', Unicode-normalised (NFKC, so
// look-alike compatibility forms such as full-width letters become one name), unique
// case-insensitively.
public static class UsernameRules
{
    public const int MaxLength = 32;

    public static StringComparer Comparer { get; } = StringComparer.OrdinalIgnoreCase;

    public static bool TryNormalize(string? requested, [NotNullWhen(true)] out string? username, [NotNullWhen(false)] out string? error)
    {
        username = null;
        error = Check(requested, out var normalized);
        if (error is null)
        {
            username = normalized!;
        }
        return error is null;
    }

    // The canonical form used to compare a claimed name with a registered one; not a validation.
    public static string Normalize(string name) => name.IsNormalized(NormalizationForm.FormKC) ? name : name.Normalize(NormalizationForm.FormKC);

    private static string? Check(string? requested, out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrEmpty(requested))
        {
            return "A username is required.";
        }

        string candidate;
        try
        {
            candidate = Normalize(requested);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalised.
            return "The username is not valid Unicode text.";
        }

        var length = 0;
        var first = true;
        foreach (var rune in candidate.EnumerateRunes())
        {
            length++;
            var problem = CheckRune(rune, first);
            if (problem is not null)
            {
                return problem;
            }
            first = false;
        }

        if (length > MaxLength)
        {
            return $"A username has at most {MaxLength} characters; this one has {length}.";
        }

        normalized = candidate;
        return null;
    }

    private static string? CheckRune(Rune rune, bool first)
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
