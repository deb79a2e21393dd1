using System.Text.RegularExpressions;

namespace Yhdessa.Features.Monitoring.Rules;

/// <summary>What <see cref="IdentifierGuard"/> found in a value.</summary>
public enum IdentifierKind { PersonalIdentityCode, EmailAddress, PhoneNumber }

/// <summary>
/// Keeps direct identifiers out of monitoring data: every text a form or an import stores, and every code, passes
/// through here. A value is refused when it contains anything that looks like a Finnish personal identity code (with
/// a right checksum, any century sign including the 2023 additions), an email address or a phone number (Finnish or
/// international). The value is read as a person reads it (<see cref="IdentifierText.Fold"/>): full-width or other
/// scripts' digits, any dash, invisible characters, look-alike letters, line breaks and spaces inside do not hide
/// an identifier. It errs on the side of refusing: the reporter can always choose another code or wording, but an
/// identifier once stored has to be hunted down from backups.
/// </summary>
public static partial class IdentifierGuard
{
    /// <summary>The checksum characters of the identity code, indexed by the remainder modulo 31.</summary>
    public const string ChecksumCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    /// <summary>The first identifier found in a free text, or null when it has none.</summary>
    public static IdentifierKind? Find(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        var text = IdentifierText.Fold(value);
        if (ContainsIdentityCode(text)) return IdentifierKind.PersonalIdentityCode;
        if (ContainsEmailAddress(text)) return IdentifierKind.EmailAddress;
        if (ContainsPhoneNumber(text)) return IdentifierKind.PhoneNumber;
        return null;
    }

    /// <summary>
    /// The first identifier found in a code (a resident's or a service's), or null. Stricter than free text: the
    /// code's letters and digits are read as one run, separators left out, and any ten of them in a row that form
    /// an identity code without its century sign (DDMMYY, the individual number and a right check character), or
    /// any eleven that form one with a letter sign, refuse it: "131052_308T", "131052308T" and "2024131052-308T"
    /// all hold a person's identity code.
    /// </summary>
    public static IdentifierKind? FindInCode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        if (Find(code) is { } kind) return kind;
        var run = new string(IdentifierText.Fold(code).Where(char.IsAsciiLetterOrDigit).ToArray());
        for (var i = 0; i + 10 <= run.Length; i++)
        {
            if (IsIdentityCode(run.AsSpan(i, 6), run.AsSpan(i + 6, 3), run[i + 9])) return IdentifierKind.PersonalIdentityCode;
            if (i + 11 <= run.Length && IsCenturySign(run[i + 6]) && IsIdentityCode(run.AsSpan(i, 6), run.AsSpan(i + 7, 3), run[i + 10]))
                return IdentifierKind.PersonalIdentityCode;
        }
        return null;
    }

    public static bool IsClean(string? value) => Find(value) is null;

    /// <summary>The identity code's check: ASCII digits only, a possible day (1–31) and month, and the check character
    /// of the remainder of DDMMYYNNN modulo 31 (a letter in either case).</summary>
    private static bool IsIdentityCode(ReadOnlySpan<char> date, ReadOnlySpan<char> individual, char check)
    {
        if (date.ContainsAnyExceptInRange('0', '9') || individual.ContainsAnyExceptInRange('0', '9')) return false;
        var day = (date[0] - '0') * 10 + (date[1] - '0');
        var month = (date[2] - '0') * 10 + (date[3] - '0');
        if (day is < 1 or > 31 || month is < 1 or > 12) return false;
        long number = 0;
        foreach (var c in date) number = number * 10 + (c - '0');
        foreach (var c in individual) number = number * 10 + (c - '0');
        return char.ToUpperInvariant(check) == ChecksumCharacters[(int)(number % 31)];
    }

    private static bool IsCenturySign(char c) => "+-ABCDEFYXWVU".Contains(char.ToUpperInvariant(c));

    /// <summary>
    /// DDMMYY, a century sign (+ for the 1800s; - Y X W V U for the 1900s; A B C D E F for the 2000s), the
    /// individual number and the checksum, in folded text (<see cref="IdentifierText.Fold"/>). A code whose checksum
    /// is wrong is not one, so it passes: counting and codes like "010190-123A" with a wrong last character are
    /// ordinary text. Letters are read case-insensitively because a lower-cased code identifies the person just as
    /// well. Up to three spaces, dots or underscores may stand between the characters (a code spaced out or broken
    /// over a line), and digits before it do not hide it. Written without its sign, a code counts in text when it
    /// stands alone and ends in a letter ("131052308T"); ten digits alone are left to the codes' stricter check, as
    /// reference and account numbers look the same.
    /// </summary>
    public static bool ContainsIdentityCode(string folded)
    {
        foreach (Match match in IdentityCodePattern().Matches(folded))
            if (IsIdentityCode(match.Groups["d"]))
                return true;
        foreach (Match match in SignlessIdentityCodePattern().Matches(folded))
            if (IsIdentityCode(match.Groups["d"]))
                return true;
        return false;

        static bool IsIdentityCode(Group digits)
        {
            var chars = digits.Captures.Select(c => c.Value[0]).ToArray();
            return IdentifierGuard.IsIdentityCode(chars.AsSpan(0, 6), chars.AsSpan(6, 3), chars[9]);
        }
    }

    /// <summary>
    /// An address local@domain, also written "local [at] domain", "local(at)domain" or with "(dot)"; without a top-level
    /// domain too ("matti@kunta"), but with spaces around "@" only with one ("matti @ kunta.fi"), so that "klo 10 @
    /// kirjasto" and a lone "@kunta" pass.
    /// </summary>
    private static bool ContainsEmailAddress(string folded)
    {
        var text = DotWordPattern().Replace(AtWordPattern().Replace(folded, "@"), ".");
        return EmailPattern().IsMatch(text) || SpacedEmailPattern().IsMatch(text);
    }

    /// <summary>
    /// A phone number written the way people write them: Finnish numbers with the trunk 0 (mobile 040 123 4567,
    /// landline (09) 123 4567, service 010 123 4567, 0800 12345), the same after +358 or 00358 (also with "(0)"),
    /// and foreign numbers after + or 00 (+44 20 7946 0958, 0046 8 123 456). A resident code padded with zeros
    /// ("0100000", "00012345") is not one: no Finnish area or service code is followed by a subscriber number that
    /// starts with 0, no country code starts with 0, and a mobile number is never all zeros after its prefix.
    /// Within a longer run of digit groups (a number followed by a year, a code before a number) every run of whole
    /// groups is tried, so an extra group does not hide a number.
    /// </summary>
    public static bool ContainsPhoneNumber(string folded)
    {
        // Dates and times use the separators phone numbers are written with ("05.06.2026", "8.30-16.00"); they are
        // taken out first, so that a date is never read as a number with a trunk 0.
        var text = TimePattern().Replace(DatePattern().Replace(folded, Blank), Blank);
        foreach (Match match in PhoneCandidatePattern().Matches(text))
        {
            var groups = DigitGroupPattern().Matches(match.Value);
            for (var first = 0; first < groups.Count; first++)
                for (var last = first; last < groups.Count; last++)
                {
                    // The first run keeps what precedes its digits in the match: a plus sign or an opening bracket.
                    var start = first == 0 ? 0 : groups[first].Index;
                    var end = groups[last].Index + groups[last].Length;
                    if (IsPhoneNumber(match.Value[start..end])) return true;
                }
        }
        return false;
    }

    private static bool IsPhoneNumber(string text)
    {
        var plus = text.TrimStart('(', ' ').StartsWith('+');
        var separated = text.Trim('(', '+', ' ').Any(c => !char.IsAsciiDigit(c));
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (plus) return International(Without358TrunkZero(text), separated, afterPlus: true);
        if (digits.StartsWith("00")) return International(Without358TrunkZero(text)[2..], separated, afterPlus: false);
        return digits.Length > 1 && digits[0] == '0' && IsFinnishNationalNumber(digits[1..]);
    }

    /// <summary>The digits of an international number; "+358 (0)40…" is written with the trunk 0 in brackets.</summary>
    private static string Without358TrunkZero(string text) =>
        new(text.Replace("(0)", "").Where(char.IsAsciiDigit).ToArray());

    /// <summary>The digits after + or 00: a country code (never starting with 0) and the national number, at most 15
    /// digits (E.164). Finland's own numbers are checked as Finnish ones. After 00 without any grouping, a foreign
    /// number needs 10 digits, so that a code padded with two zeros ("0012345678") is not taken for a call abroad.</summary>
    private static bool International(string digits, bool separated, bool afterPlus)
    {
        if (digits.Length is < 7 or > 15 || digits[0] == '0') return false;
        if (digits.StartsWith("358")) return IsFinnishNationalNumber(digits[3..]);
        return afterPlus || separated || digits.Length >= 10;
    }

    /// <summary>The national significant number (after the trunk 0 or +358): a mobile prefix 4x or 50 with at least
    /// five digits that are not all zeros; a service prefix (0100, 0200, 0600, 0700, 0800) with three to seven
    /// digits; a national number prefix (010, 020, 029, 030, 039, 071, 073, 075) followed by
    /// six to eight digits, or an area code (02, 03, 05, 06, 08, 09, 013–019) by five to eight, in both cases a
    /// subscriber number that does not start with 0 (nor do the service numbers').</summary>
    private static bool IsFinnishNationalNumber(string n)
    {
        if (n.Length is < 6 or > 10) return false;
        if (n[0] == '4' || n.StartsWith("50")) return n.Length >= 7 && n[2..].Any(c => c != '0');
        foreach (var prefix in ServicePrefixes)
            if (n.StartsWith(prefix)) return n.Length - prefix.Length is >= 3 and <= 7 && n[prefix.Length] != '0';
        foreach (var prefix in NationalPrefixes)
            if (n.StartsWith(prefix)) return Subscriber(n[prefix.Length..], shortest: 6);
        if (n[0] is '2' or '3' or '5' or '6' or '8' or '9') return Subscriber(n[1..], shortest: 5);
        if (n[0] == '1' && n[1] is >= '3' and <= '9') return Subscriber(n[2..], shortest: 5);
        return false;

        static bool Subscriber(string rest, int shortest) => rest.Length >= shortest && rest.Length <= 8 && rest[0] != '0';
    }

    private static readonly string[] ServicePrefixes = ["100", "200", "600", "700", "800"];
    private static readonly string[] NationalPrefixes = ["10", "20", "29", "30", "39", "71", "73", "75"];

    private static string Blank(Match match) => new('x', match.Length);

    /// <summary>Overlapping matches (a lookahead), so that a near-miss cannot hide a code that starts inside it.</summary>
    [GeneratedRegex(@"(?=((?<d>[0-9])[ _.]{0,3}(?<d>[0-9])[ _.]{0,3}(?<d>[0-9])[ _.]{0,3}(?<d>[0-9])[ _.]{0,3}(?<d>[0-9])[ _.]{0,3}(?<d>[0-9])[ _.]{0,3}(?<sign>[-+ABCDEFYXWVU])[ _.]{0,3}(?<d>[0-9])[ _.]{0,3}(?<d>[0-9])[ _.]{0,3}(?<d>[0-9])[ _.]{0,3}(?<d>[0-9A-Y])))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdentityCodePattern();

    [GeneratedRegex(@"(?=((?<![A-Za-z0-9])(?<d>[0-9])[ _.]{0,3}(?<d>[0-9])[ _.]{0,3}(?<d>[0-9])[ _.]{0,3}(?<d>[0-9])[ _.]{0,3}(?<d>[0-9])[ _.]{0,3}(?<d>[0-9])[ _.]{0,3}(?<d>[0-9])[ _.]{0,3}(?<d>[0-9])[ _.]{0,3}(?<d>[0-9])[ _.]{0,3}(?<d>[A-FHJ-NPR-Y])(?![A-Za-z0-9])))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignlessIdentityCodePattern();

    [GeneratedRegex(@"[\p{L}\p{N}._%+'\-]+@[\p{L}\p{N}][\p{L}\p{N}\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"[\p{L}\p{N}._%+'\-]+ ?@ ?[\p{L}\p{N}\-]+(\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedEmailPattern();

    [GeneratedRegex(@" ?[\[(\{<] ?(at|ät|miukumauku) ?[\])\}>] ?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtWordPattern();

    [GeneratedRegex(@" ?[\[(\{<] ?(dot|piste|punkt) ?[\])\}>] ?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DotWordPattern();

    /// <summary>A date "d.m.", "d.m.yy", "dd.mm.yyyy" (also with "/" or "-"), with a possible day and month.</summary>
    [GeneratedRegex(@"(?<![0-9])(0?[1-9]|[12][0-9]|3[01])([./-])(0?[1-9]|1[0-2])\2([0-9]{4}|[0-9]{2})?(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    /// <summary>A time of day "8.30", "16:00".</summary>
    [GeneratedRegex(@"(?<![0-9])([01]?[0-9]|2[0-3])[.:][0-5][0-9](?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    /// <summary>A run of digits with at most three separators between each, optionally after a plus sign; a run that
    /// continues a longer number is not split into candidates.</summary>
    [GeneratedRegex(@"(?<![0-9+])\(?\+? ?\(?[0-9](?:[ \-()./]{0,3}[0-9]){5,18}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneCandidatePattern();

    [GeneratedRegex(@"[0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex DigitGroupPattern();
}
