using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform.Localization;

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

    public static void AddErrors(this ModelStateDictionary state, string key, IdentityResult result)
    {
        foreach (var error in result.Errors) state.AddModelError(key, error.Description);
    }

    /// <summary>A returnUrl is followed only when it is a path on this site.</summary>
    public static string LocalOr(string? returnUrl, string fallback) =>
        returnUrl is not null && Languages.IsLocal(returnUrl) ? returnUrl : fallback;
}
