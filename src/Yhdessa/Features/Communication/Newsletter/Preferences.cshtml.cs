using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Communication.Newsletter.Data;
using Yhdessa.Features.Events;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Communication.Newsletter;

/// <summary><c>/newsletter/preferences/{token}</c>: from the link in every newsletter, without signing in, she changes the
/// language and topics, unsubscribes, or comes back after unsubscribing.</summary>
[AllowAnonymous]
public class PreferencesModel(Subscriptions subscriptions, EventCatalogue events, IStringLocalizer<CommunicationText> c) : PageModel
{
    [BindProperty] public SubscriptionInput Input { get; set; } = new();
    public Subscription Subscription { get; private set; } = null!;
    public List<EventTheme> Themes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken)) return NotFound();
        Input = new SubscriptionInput { Language = Subscription.Language, ThemeIds = [.. Subscription.Topics.Select(t => t.ThemeId)] };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken)) return NotFound();
        if (!Input.CheckChoices(ModelState, Themes, c)) return Page();
        await subscriptions.ChangeAsync(Subscription, Input.Language!, Input.ThemeIds, cancellationToken);
        TempData["Notice"] = (string)c["PreferencesSaved"];
        return Redirect($"/newsletter/preferences/{token}");
    }

    public async Task<IActionResult> OnPostUnsubscribeAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken)) return NotFound();
        await subscriptions.UnsubscribeAsync(Subscription, cancellationToken);
        TempData["Notice"] = (string)c["Unsubscribed"];
        return Redirect($"/newsletter/preferences/{token}");
    }

    public async Task<IActionResult> OnPostResubscribeAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken)) return NotFound();
        if (Subscription.State == SubscriptionState.Unsubscribed) await subscriptions.ResubscribeAsync(Subscription, cancellationToken);
        TempData["Notice"] = (string)c["Resubscribed"];
        return Redirect($"/newsletter/preferences/{token}");
    }

    private async Task<bool> LoadAsync(string token, CancellationToken cancellationToken)
    {
        // A pending request has no preferences yet: it is confirmed first, by the other link.
        if (await subscriptions.ByManageTokenAsync(token, cancellationToken) is not { State: not SubscriptionState.Pending } subscription) return false;
        Subscription = subscription;
        Themes = await events.ThemesAsync(cancellationToken);
        return true;
    }
}
