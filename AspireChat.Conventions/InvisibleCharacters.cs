using System.Text;

namespace AspireChat.Conventions;

// Characters that show nothing: Unicode's Default_Ignorable_Code_Point (soft hyphen, combining
// grapheme joiner, Hangul fillers, Mongolian free variation selectors, zero-width space, joiners
// and marks, bidi controls, word joiner and invisible operators, variation selectors, BOM, tags
// and the variation selectors supplement ...).
public static class InvisibleCharacters
{
    // The BMP part.
    public static bool Contains(char c) => c switch
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

    public static bool Contains(Rune rune) =>
        rune.IsBmp ? Contains((char)rune.Value) : rune.Value is (>= 0x1bca0 and <= 0x1bca3) or (>= 0x1d173 and <= 0x1d17a) or (>= 0xe0000 and <= 0xe0fff);
}
