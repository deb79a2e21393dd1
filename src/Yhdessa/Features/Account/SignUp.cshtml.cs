using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Account;

/// <summary>
/// Sign up. Whether or not the address already has an account, the visitor sees the same "check your email"
/// page: the owner of a confirmed account gets an email about the attempt instead of a second account; an account
/// never confirmed is replaced by the new sign-up, since only the link in the mail shows who owns the address.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PlatformSetup.AccountRateLimit)]
public class SignUpModel(
    UserManager<User> users, AccountEmails emails, YhdessaDb db, TimeProvider clock,
    IStringLocalizer<AccountText> text, ILogger<SignUpModel> logger) : PageModel
{
    [BindProperty] public SignUpInput Input { get; set; } = new();

    public void OnGet() => Input.PreferredLanguage = Languages.Current;

    public async Task<IActionResult> OnPostAsync()
    {
        var name = AccountForms.Name(ModelState, "Input.DisplayName", Input.DisplayName, text);
        var email = AccountForms.Email(ModelState, "Input.Email", Input.Email, text);
        var language = AccountForms.Language(ModelState, "Input.PreferredLanguage", Input.PreferredLanguage, text);
        var password = AccountForms.Password(ModelState, "Input.Password", Input.Password, text);
        if (!ModelState.IsValid) return Page();

        var candidate = new User
        {
            UserName = email, Email = email, DisplayName = name!, PreferredLanguage = language!,
            CreatedAt = clock.GetUtcNow(),
        };
        // The password is judged before the address is looked up, so that its verdict cannot tell whether the address is taken.
        foreach (var validator in users.PasswordValidators)
            ModelState.AddErrors("Input.Password", await validator.ValidateAsync(users, candidate, password));
        if (!ModelState.IsValid) return Page();

        var existing = await users.FindByEmailAsync(email!);
        if (existing is not null)
        {
            if (existing.EmailConfirmed)
            {
                // Hash the unused password, so that this branch takes as long as creating an account.
                users.PasswordHasher.HashPassword(candidate, password!);
                var token = await users.GeneratePasswordResetTokenAsync(existing);
                emails.SignUpAttempted(existing, emails.ResetLink(existing, token));
            }
            else
            {
                // Nobody has shown they own the address yet, so the pending account may have been made by someone
                // else to wait for the owner. The latest sign-up replaces it: its password, name and language, and a
                // new security stamp, so that links sent earlier no longer confirm it. Then the fresh link goes out.
                existing.DisplayName = name!;
                existing.PreferredLanguage = language!;
                existing.PasswordHash = users.PasswordHasher.HashPassword(existing, password!);
                existing.AccessFailedCount = 0;
                existing.LockoutEnd = null;
                var renewed = await users.UpdateSecurityStampAsync(existing);
                if (!renewed.Succeeded)
                {
                    logger.LogWarning("A pending account could not be renewed on a new sign-up");
                    return RedirectToPage("/Account/CheckEmail");
                }
                await SendConfirmationAsync(existing);
            }
            await db.SaveChangesAsync();
            logger.LogInformation("Sign-up attempted with an address that has an account");
            return RedirectToPage("/Account/CheckEmail");
        }

        var created = await users.CreateAsync(candidate, password!);
        if (!created.Succeeded)
        {
            // Two sign-ups with the same address at once: the second is answered like any existing address.
            if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
                return RedirectToPage("/Account/CheckEmail");
            ModelState.AddErrors("Input.Password", created);
            return Page();
        }
        await SendConfirmationAsync(candidate);
        await db.SaveChangesAsync();
        logger.LogInformation("Account {UserId} signed up", candidate.Id);
        return RedirectToPage("/Account/CheckEmail");
    }

    private async Task SendConfirmationAsync(User user)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        emails.ConfirmAddress(user, emails.ConfirmLink(user, token));
    }
}

public sealed class SignUpInput
{
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? PreferredLanguage { get; set; }
}
