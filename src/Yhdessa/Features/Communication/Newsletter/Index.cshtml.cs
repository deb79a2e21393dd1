using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Communication.Newsletter.Data;
using Yhdessa.Features.Events;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Communication.Newsletter;

/// <summary><c>/newsletter</c>: anyone subscribes with an address, a language and topics, confirmed by the link mailed to
/// the address; a signed-in member subscribes her account's address with one press.</summary>
[AllowAnonymous]
[EnableRateLimiting(CommunicationSetup.SubscribeRateLimit)]
public class IndexModel(Subscriptions subscriptions, EventCatalogue events, YhdessaDb db, UserManager<User> users,
    IStringLocalizer<CommunicationText> c) : PageModel
{
    [BindProperty] public SubscriptionInput Input { get; set; } = new();
    public List<EventTheme> Themes { get; private set; } = [];
    public bool Sent { get; private set; }
    /// <summary>The signed-in member's own subscription, if any.</summary>
    public Subscription? Mine { get; private set; }
    public string? MemberEmail { get; private set; }

    public async Task OnGetAsync(bool sent, CancellationToken cancellationToken)
    {
        Sent = sent;
        Input.Language = Languages.Current;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var email = InputRules.CleanEmail(Input.Email ?? "");
        if (email.Length == 0) ModelState.AddModelError("Input.Email", c["SubscribeEmailRequired"]);
        else if (email.Length > SubscriptionLimits.Email || !InputRules.IsValidEmail(email)) ModelState.AddModelError("Input.Email", c["SubscribeEmailInvalid"]);
        if (!Input.CheckChoices(ModelState, Themes, c)) return Page();
        await subscriptions.RequestAsync(email, Input.Language!, Input.ThemeIds, cancellationToken);
        // The same answer whatever the address's state, after a redirect so that a reload sends nothing again.
        return Redirect("/newsletter?sent=true");
    }

    public async Task<IActionResult> OnPostMemberAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        await LoadAsync(cancellationToken);
        if (MemberEmail is null) return Forbid();
        if (!Input.CheckChoices(ModelState, Themes, c)) return Page();
        await subscriptions.SubscribeMemberAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, MemberEmail, Input.Language!, Input.ThemeIds, cancellationToken);
        TempData["Notice"] = (string)c["SubscribedAsMember"];
        return Redirect("/newsletter");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Themes = await events.ThemesAsync(cancellationToken);
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { EmailConfirmed: true, Email: { } email })
        {
            MemberEmail = email;
            var key = Subscriptions.KeyOf(email);
            Mine = await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.EmailKey == key && s.State == SubscriptionState.Active, cancellationToken);
        }
    }
}
