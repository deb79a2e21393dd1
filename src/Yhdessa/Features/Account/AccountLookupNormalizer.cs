using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Yhdessa.Features.Account;

/// <summary>
/// The key Identity finds accounts by: trimmed, Unicode NFC and upper-case, so that " Äijä@Example.org",
/// "äijä@example.org" typed as NFD, and "ÄIJÄ@EXAMPLE.ORG" are one account.
/// </summary>
public sealed class AccountLookupNormalizer : ILookupNormalizer
{
    public string? NormalizeName(string? name) => Normalize(name);
    public string? NormalizeEmail(string? email) => Normalize(email);

    private static string? Normalize(string? value) =>
        value?.Trim().Normalize(NormalizationForm.FormC).ToUpperInvariant();
}
