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

    /// <summary>A Finnish number (a trunk 0 and an area or operator code: 040 123 4567, (09) 123 456) or an
    /// international one (+358 40 123 4567, 0046 8 123 456), with spaces, hyphens or brackets between digits.</summary>
    public static bool ContainsPhoneNumber(string value)
    {
        foreach (Match match in PhoneCandidatePattern().Matches(value))
        {
            var text = match.Value;
            var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
            var plus = text.TrimStart('(').StartsWith('+');
            if (plus && digits.Length is >= 7 and <= 15 && digits[0] != '0') return true;
            if (!plus && digits.StartsWith("00") && digits.Length - 2 is >= 7 and <= 15 && digits[2] != '0') return true;
            if (!plus && digits.Length is >= 7 and <= 12 && digits[0] == '0' && digits[1] != '0') return true;
        }
        return false;
    }

    [GeneratedRegex(@"(?<!\d)(?<dd>\d{2})(?<mm>\d{2})(?<yy>\d{2})[-+ABCDEFYXWVU](?<n>\d{3})(?<check>[0-9A-Y])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdentityCodePattern();

    [GeneratedRegex(@"[\p{L}\p{N}._%+'\-]+@[\p{L}\p{N}\-]+(\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    /// <summary>A run of digits with at most two separators between each, optionally after a plus sign; a run that
    /// continues a longer number is not split into candidates.</summary>
    [GeneratedRegex(@"(?<![\d+])\(?\+?\s?\(?\d(?:[ \-()\u00A0]{0,2}\d){5,18}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneCandidatePattern();
}
