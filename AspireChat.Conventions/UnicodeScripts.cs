using System.Text;

namespace AspireChat.Conventions;

// The script of a letter, by Unicode block: .NET has no script property.
internal static class UnicodeScripts
{
    public static string Of(Rune rune)
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
}
