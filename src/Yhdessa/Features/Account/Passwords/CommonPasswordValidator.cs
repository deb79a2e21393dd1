using System.Collections.Frozen;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Account.Passwords;

/// <summary>
/// OWASP ASVS 2.1: at most 128 characters, and no password that is common, breached (the offline list in
/// common-passwords.txt) or made of the person's own email or name. No composition rules: length is what counts.
/// </summary>
public sealed class CommonPasswordValidator(LocalizedIdentityErrorDescriber describer) : IPasswordValidator<User>
{
    public const int MaximumLength = 128;

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        if (password.Length > MaximumLength)
            return Task.FromResult(IdentityResult.Failed(describer.PasswordTooLong(MaximumLength)));
        if (IsCommon(password))
            return Task.FromResult(IdentityResult.Failed(describer.PasswordTooCommon()));
        if (ContainsOwnDetails(password, user))
            return Task.FromResult(IdentityResult.Failed(describer.PasswordContainsOwnDetails()));
        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>On the list as written, without spaces, or as one listed password repeated ("salasanasalasana").</summary>
    public static bool IsCommon(string password)
    {
        var folded = password.Trim().ToLowerInvariant();
        var compact = string.Concat(folded.Where(c => !char.IsWhiteSpace(c)));
        return Common.Value.Contains(folded) || Common.Value.Contains(compact) || IsRepeatOfCommon(compact);
    }

    private static bool IsRepeatOfCommon(string password)
    {
        for (var length = 1; length <= password.Length / 2; length++)
        {
            if (password.Length % length != 0) continue;
            var unit = password[..length];
            if (string.Concat(Enumerable.Repeat(unit, password.Length / length)) != password) continue;
            // One repeated character or short pattern ("aaaaaaaaaaaa", "abcabcabcabc") is as weak as a listed password.
            return length <= 4 || Common.Value.Contains(unit);
        }
        return false;
    }

    private static bool ContainsOwnDetails(string password, User user)
    {
        var folded = password.ToLowerInvariant();
        var details = new List<string?> { user.DisplayName, user.Email, user.Email?.Split('@')[0] };
        details.AddRange(user.DisplayName.Split(' ', '-', '\''));
        return details.Any(detail => detail is { Length: >= 4 }
            && folded.Contains(detail.Trim().ToLowerInvariant(), StringComparison.Ordinal));
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly
            .GetManifestResourceStream("Yhdessa.Features.Account.Passwords.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) passwords.Add(line.ToLower(CultureInfo.InvariantCulture));
        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }
}
