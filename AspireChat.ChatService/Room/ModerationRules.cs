using System.Globalization;
using System.Text;
using AspireChat.Conventions;

namespace AspireChat.ChatService.Room;

// What the operator's requests may be. A reason is set into a sentence the user is shown, so it
// is one line of visible text: nothing in it can reorder, hide or break what follows it.
public static class ModerationRules
{
    public const int MaxReasonLength = 200;

    // A hold or a mute lasts this long when the operator does not say.
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(1);

    // Null when the reason may be shown; otherwise why not.
    public static string? CheckReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return "A reason is required: the user is shown it.";
        }
        // Far too long, whatever it holds: refused without being read.
        if (reason.Length > MaxReasonLength * 2)
        {
            return $"A reason has at most {MaxReasonLength} characters; this one has more than {MaxReasonLength * 2}.";
        }
        var length = 0;
        foreach (var rune in reason.EnumerateRunes())
        {
            length++;
            if (IsHidden(rune))
            {
                return $"A reason is one line of visible text: U+{rune.Value:X4} is a control, format, separator or invisible character.";
            }
        }
        return length > MaxReasonLength ? $"A reason has at most {MaxReasonLength} characters; this one has {length}." : null;
    }

    // Null when the period may be used (period: the default when unset); otherwise why not.
    public static string? CheckPeriod(string name, TimeSpan? requested, out TimeSpan period)
    {
        period = requested ?? DefaultPeriod;
        if (period <= TimeSpan.Zero)
        {
            return $"{name} must be longer than zero.";
        }
        return period > MaxPeriod ? $"{name} is at most a day." : null;
    }

    // A lone surrogate is read as U+FFFD, and refused with the rest.
    private static bool IsHidden(Rune rune) =>
        rune == Rune.ReplacementChar
        || InvisibleCharacters.Contains(rune)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse;
}
