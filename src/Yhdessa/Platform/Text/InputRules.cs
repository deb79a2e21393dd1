using System.Net.Mail;
using System.Text;

namespace Yhdessa.Platform.Text;

/// <summary>What forms accept of names and email addresses (the account forms, registration, reporters). Names are kept exactly as written — any script, apostrophes,
/// hyphens — but characters that hide or reorder text are refused, as they let a name pose as another.</summary>
public static class InputRules
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;

    /// <summary>Zero-width characters, directional marks and embeddings/overrides/isolates, and the BOM.</summary>
    public static bool HasInvisibleControl(string value) => value.Any(c =>
        c is >= '\u200B' and <= '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\uFEFF'
        || (char.IsControl(c)));

    /// <summary>The address as stored: trimmed and NFC-normalised; case is kept as written.</summary>
    public static string CleanEmail(string value) => value.Trim().Normalize(NormalizationForm.FormC);

    /// <summary>A plain address "local@domain.tld": no display name, no spaces, a dot in the domain.</summary>
    public static bool IsValidEmail(string email)
    {
        if (email.Length > EmailMaxLength || HasInvisibleControl(email) || email.Any(char.IsWhiteSpace)) return false;
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email) return false;
        var domain = address.Host;
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.');
    }
}
