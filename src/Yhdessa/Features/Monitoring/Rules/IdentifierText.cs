using System.Globalization;
using System.Text;

namespace Yhdessa.Features.Monitoring.Rules;

/// <summary>
/// The one spelling of a text that <see cref="IdentifierGuard"/> reads: what looks like an identifier to a person
/// must look like one to the guard too. Folding never changes what is stored; it only decides what is refused.
/// </summary>
public static class IdentifierText
{
    /// <summary>
    /// Unicode compatibility form (NFKC: full-width letters, digits and "＠" become plain ones), then every format
    /// character (soft hyphen, zero-width space, word joiner, BOM, direction marks) removed, every decimal digit of
    /// any script written as its ASCII digit, every dash and minus as "-", every run of white space (line breaks,
    /// tabs, no-break spaces) as one space, and Cyrillic and Greek letters that look like Latin ones as those.
    /// </summary>
    public static string Fold(string value)
    {
        var compatible = WithoutLoneSurrogates(value).Normalize(NormalizationForm.FormKC);
        var folded = new StringBuilder(compatible.Length);
        foreach (var rune in compatible.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category == UnicodeCategory.Format) continue;
            if (category == UnicodeCategory.DecimalDigitNumber)
                folded.Append((char)('0' + (int)Rune.GetNumericValue(rune)));
            else if (category == UnicodeCategory.DashPunctuation || Minuses.Contains(rune.Value))
                folded.Append('-');
            else if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                if (folded.Length == 0 || folded[^1] != ' ') folded.Append(' ');
            }
            else if (rune.IsBmp && LookAlikes.GetValueOrDefault((char)rune.Value) is var latin and not '\0')
                folded.Append(latin);
            else folded.Append(rune.ToString());
        }
        return folded.ToString();
    }

    /// <summary>Minus signs that are not dash punctuation in Unicode (the plain minus is a math symbol).</summary>
    private static readonly HashSet<int> Minuses = [0x2212, 0x02D7, 0x2796, 0x2043, 0x2E3A, 0x2E3B];

    /// <summary>A text from a form is valid UTF-16, but one from a file need not be; normalisation refuses lone
    /// surrogates, so they become the replacement character first.</summary>
    private static string WithoutLoneSurrogates(string value)
    {
        if (!value.Any(char.IsSurrogate)) return value;
        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) { i++; continue; }
            if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
        }
        return new string(chars);
    }

    /// <summary>
    /// Cyrillic and Greek letters that are drawn like Latin ones (after Unicode's confusables list, the letters that
    /// can stand in a code: the identity code's century signs and check characters, and the letters of an address).
    /// </summary>
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        // Cyrillic capitals and small letters
        ['А'] = 'A', ['В'] = 'B', ['С'] = 'C', ['Е'] = 'E', ['Н'] = 'H', ['І'] = 'I', ['Ј'] = 'J', ['К'] = 'K',
        ['М'] = 'M', ['О'] = 'O', ['Р'] = 'P', ['Ѕ'] = 'S', ['Т'] = 'T', ['Х'] = 'X', ['У'] = 'Y', ['Ү'] = 'Y',
        ['Ԁ'] = 'D', ['Ԛ'] = 'Q', ['Ԝ'] = 'W', ['Ꙇ'] = 'I', ['Ӏ'] = 'I', ['З'] = '3', ['б'] = '6',
        ['а'] = 'a', ['с'] = 'c', ['е'] = 'e', ['һ'] = 'h', ['і'] = 'i', ['ј'] = 'j', ['о'] = 'o', ['р'] = 'p',
        ['ѕ'] = 's', ['х'] = 'x', ['у'] = 'y', ['ԁ'] = 'd', ['ԛ'] = 'q', ['ԝ'] = 'w', ['ү'] = 'y', ['ӏ'] = 'l',
        ['в'] = 'B', ['к'] = 'K', ['м'] = 'M', ['н'] = 'H', ['т'] = 'T',
        // Greek capitals and small letters
        ['Α'] = 'A', ['Β'] = 'B', ['Ε'] = 'E', ['Ζ'] = 'Z', ['Η'] = 'H', ['Ι'] = 'I', ['Κ'] = 'K', ['Μ'] = 'M',
        ['Ν'] = 'N', ['Ο'] = 'O', ['Ρ'] = 'P', ['Τ'] = 'T', ['Υ'] = 'Y', ['Χ'] = 'X', ['Ϲ'] = 'C', ['Ϳ'] = 'J',
        ['α'] = 'a', ['ο'] = 'o', ['ρ'] = 'p', ['ν'] = 'v', ['υ'] = 'u', ['ι'] = 'i', ['κ'] = 'k', ['χ'] = 'x',
        ['γ'] = 'y', ['ϲ'] = 'c', ['ϳ'] = 'j',
    };
}
