using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Account;

/// <summary>The checks the account forms share. Each adds a translated message to the field it concerns and
/// returns the cleaned value, so that a form with any error changes nothing.</summary>
public static class AccountForms
{
    public static string? Name(ModelStateDictionary state, string key, string? value, IStringLocalizer<AccountText> text)
    {
        var name = value?.Trim() ?? "";
        if (name.Length == 0) state.AddModelError(key, text["ErrorNameRequired"]);
        else if (name.Length > InputRules.NameMaxLength) state.AddModelError(key, text["ErrorNameTooLong", InputRules.NameMaxLength]);
        else if (InputRules.HasInvisibleControl(name)) state.AddModelError(key, text["ErrorNameInvisible"]);
        else return name;
        return null;
    }

    public static string? Email(ModelStateDictionary state, string key, string? value, IStringLocalizer<AccountText> text)
    {
        var email = InputRules.CleanEmail(value ?? "");
        if (email.Length == 0) state.AddModelError(key, text["ErrorEmailRequired"]);
        else if (email.Length > InputRules.EmailMaxLength) state.AddModelError(key, text["ErrorEmailTooLong", InputRules.EmailMaxLength]);
        else if (!InputRules.IsValidEmail(email)) state.AddModelError(key, text["ErrorEmailInvalid"]);
        else return email;
        return null;
    }

    public static string? Language(ModelStateDictionary state, string key, string? value, IStringLocalizer<AccountText> text)
    {
        if (value is not null && Languages.All.Contains(value)) return value;
        state.AddModelError(key, text["ErrorLanguage"]);
        return null;
    }

    public static string? Password(ModelStateDictionary state, string key, string? value, IStringLocalizer<AccountText> text)
    {
        if (!string.IsNullOrEmpty(value)) return value;
        state.AddModelError(key, text["ErrorPasswordRequired"]);
        return null;
    }

    /// <summary>
    /// The signed-in person's current password, asked again before a change that matters. A wrong one counts
    /// towards the lockout like a wrong password at sign-in, and a locked-out account is refused without checking.
    /// </summary>
    public static async Task<bool> CurrentPasswordAsync(
        UserManager<User> users, User user, ModelStateDictionary state, string key, string password, IStringLocalizer<AccountText> text)
    {
        if (await users.IsLockedOutAsync(user))
        {
            VerifyInVain(users, password);
            state.AddModelError(key, text["ErrorLockedOut"]);
            return false;
        }
        if (await users.CheckPasswordAsync(user, password))
        {
            await users.ResetAccessFailedCountAsync(user);
            return true;
        }
        await users.AccessFailedAsync(user);
        state.AddModelError(key, text[await users.IsLockedOutAsync(user) ? "ErrorLockedOut" : "ErrorPasswordMismatch"]);
        return false;
    }

    private static string? dummyHash;

    /// <summary>
    /// Checks the password against the hash of a random one, which costs exactly what checking a wrong password
    /// costs. Refusals that need no check (unknown address, disabled or locked account) call this, so that their
    /// timing does not tell them apart from a wrong password.
    /// </summary>
    public static void VerifyInVain(UserManager<User> users, string password)
    {
        // Made with the app's own hasher, so that it has the same algorithm and work factor as real hashes.
        var hash = dummyHash ??= users.PasswordHasher.HashPassword(new User(), Guid.NewGuid().ToString());
        users.PasswordHasher.VerifyHashedPassword(new User(), hash, password);
    }

    public static void AddErrors(this ModelStateDictionary state, string key, IdentityResult result)
    {
        foreach (var error in result.Errors) state.AddModelError(key, error.Description);
    }

    /// <summary>A returnUrl is followed only when it is a path on this site.</summary>
    public static string LocalOr(string? returnUrl, string fallback) =>
        returnUrl is not null && Languages.IsLocal(returnUrl) ? returnUrl : fallback;
}
