using System.Text.RegularExpressions;

namespace Yhdessa.Features.Monitoring.Rules;

/// <summary>What <see cref="IdentifierGuard"/> found in a value.</summary>
public enum IdentifierKind { PersonalIdentityCode, EmailAddress, PhoneNumber }

/// <summary>
/// Keeps direct identifiers out of monitoring data: every text a form or an import stores passes through here.
/// A value is refused when it contains anything that looks like a Finnish personal identity code (with a right
/// checksum, any century sign including the 2023 additions), an email address or a phone number (Finnish or
/// international). It errs on the side of refusing: the reporter can always choose another code or wording,
/// but an identifier once stored has to be hunted down from backups.
/// </summary>
public static partial class IdentifierGuard
{
    /// <summary>The checksum characters of the identity code, indexed by the remainder modulo 31.</summary>
    private const string ChecksumCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    /// <summary>The first identifier found in the value, or null when it has none.</summary>
    public static IdentifierKind? Find(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (ContainsIdentityCode(value)) return IdentifierKind.PersonalIdentityCode;
        if (EmailPattern().IsMatch(value)) return IdentifierKind.EmailAddress;
        if (ContainsPhoneNumber(value)) return IdentifierKind.PhoneNumber;
        return null;
    }

    public static bool IsClean(string? value) => Find(value) is null;

    /// <summary>
    /// DDMMYY, a century sign (+ for the 1800s; - Y X W V U for the 1900s; A B C D E F for the 2000s), the
    /// individual number and the checksum. A code whose checksum is wrong is not one, so it passes: counting and
    /// codes like "010190-123A" with a wrong last character are ordinary text. Letters are read case-insensitively
    /// because a lower-cased code identifies the person just as well.
    /// </summary>
    public static bool ContainsIdentityCode(string value)
    {
        foreach (Match match in IdentityCodePattern().Matches(value))
        {
            var day = int.Parse(match.Groups["dd"].Value);
            var month = int.Parse(match.Groups["mm"].Value);
            if (day is < 1 or > 31 || month is < 1 or > 12) continue;
            var number = long.Parse(match.Groups["dd"].Value + match.Groups["mm"].Value + match.Groups["yy"].Value
                + match.Groups["n"].Value);
            if (char.ToUpperInvariant(match.Groups["check"].Value[0]) == ChecksumCharacters[(int)(number % 31)])
                return true;
        }
        return false;
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
    public static bool ContainsPhoneNumber(string value)
    {
        foreach (Match match in PhoneCandidatePattern().Matches(value))
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

    [GeneratedRegex(@"(?<!\d)(?<dd>\d{2})(?<mm>\d{2})(?<yy>\d{2})[-+ABCDEFYXWVU](?<n>\d{3})(?<check>[0-9A-Y])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdentityCodePattern();

    [GeneratedRegex(@"[\p{L}\p{N}._%+'\-]+@[\p{L}\p{N}\-]+(\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    /// <summary>A run of digits with at most two separators between each, optionally after a plus sign; a run that
    /// continues a longer number is not split into candidates.</summary>
    [GeneratedRegex(@"(?<![\d+])\(?\+?\s?\(?\d(?:[ \-()\u00A0]{0,2}\d){5,18}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneCandidatePattern();

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex DigitGroupPattern();
}
