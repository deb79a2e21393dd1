using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Yhdessa.Platform;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Home;

/// <summary>
/// The accessibility statement's feedback form (the Act on the Provision of Digital Services asks for an electronic
/// channel): anyone reports a barrier, with an address only if they want an answer. The message goes by email to
/// <c>Yhdessa:ContactEmail</c>, or to every coordinator when it is not set; nothing of it is kept in the database
/// beyond the outbox, which forgets a message's content once it is sent.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PlatformSetup.AccountRateLimit)]
public class AccessibilityFeedbackModel(EmailOutbox outbox, YhdessaDb db, UserManager<User> users, IOptions<PlatformOptions> options,
    IStringLocalizer<SharedText> t) : PageModel
{
    public const int MessageMaxLength = 4000;

    [BindProperty] public string? Message { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public string? Address { get; set; }
    [BindProperty(SupportsGet = true)] public bool Sent { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var message = TextInput.TrimToNull(Message);
        if (message is null) ModelState.AddModelError(nameof(Message), t["A11yFormMessageRequired"]);
        else if (message.Length > MessageMaxLength) ModelState.AddModelError(nameof(Message), t["A11yFormMessageTooLong", MessageMaxLength]);
        var email = InputRules.CleanEmail(Email ?? "");
        if (email.Length > 0 && (email.Length > InputRules.EmailMaxLength || !InputRules.IsValidEmail(email)))
            ModelState.AddModelError(nameof(Email), t["A11yFormEmailInvalid"]);
        var address = TextInput.TrimToNull(Address);
        if (address is { Length: > 500 }) address = address[..500];
        if (!ModelState.IsValid) return Page();

        var body = $"{message}\n\n{t["A11yFormMailPage"]}: {address ?? "–"}\n{t["A11yFormMailReplyTo"]}: {(email.Length > 0 ? email : "–")}\n";
        foreach (var to in await RecipientsAsync())
            outbox.Enqueue(to, t["A11yFormMailSubject"], body);
        await db.SaveChangesAsync(cancellationToken);
        // The thanks come on this page: the statement itself is a cached public page.
        return RedirectToPage(new { sent = true });
    }

    private async Task<IEnumerable<string>> RecipientsAsync() => options.Value.ContactEmail is { Length: > 0 } contact
        ? [contact]
        : (await users.GetUsersInRoleAsync(Roles.Coordinator)).Where(c => !c.IsDisabled && c.Email is not null).Select(c => c.Email!);
}
