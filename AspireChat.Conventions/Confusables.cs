using System.Text;

namespace AspireChat.Conventions;

// Look-alike characters mapped to their Latin prototype, for UTS #39 skeletons.
internal static class Confusables
{
    // The text itself when nothing in it maps (most names): a name is mapped several times for
    // each registration and each direct message, so the usual case allocates nothing.
    public static string Map(string text)
    {
        var length = 0;
        var changed = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (s_confusables.TryGetValue(rune.Value, out var prototype))
            {
                length += prototype.Length;
                changed = true;
            }
            else
            {
                length += rune.Utf16SequenceLength;
                // A lone surrogate is enumerated as U+FFFD, and written as one.
                changed |= rune == Rune.ReplacementChar;
            }
        }
        return changed ? string.Create(length, text, WriteMapped) : text;
    }

    private static void WriteMapped(Span<char> destination, string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (s_confusables.TryGetValue(rune.Value, out var prototype))
            {
                prototype.CopyTo(destination);
                destination = destination[prototype.Length..];
            }
            else
            {
                destination = destination[rune.EncodeToUtf16(destination)..];
            }
        }
    }

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
