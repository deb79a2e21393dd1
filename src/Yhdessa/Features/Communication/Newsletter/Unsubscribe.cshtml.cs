using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Yhdessa.Features.Communication.Newsletter.Data;

namespace Yhdessa.Features.Communication.Newsletter;

/// <summary>
/// <c>/newsletter/unsubscribe/{token}</c>: the address of every newsletter's <c>List-Unsubscribe</c> header and its visible
/// link. A mail program unsubscribes with one POST (RFC 8058: <c>List-Unsubscribe=One-Click</c>), which carries no cookie
/// and no antiforgery token, so this one form takes none: the secret in the address is what proves the right, and
/// unsubscribing is all it can do. Opening the link shows a button, so that a link checker unsubscribes no one.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class UnsubscribeModel(Subscriptions subscriptions) : PageModel
{
    public Subscription? Subscription { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if ((Subscription = await subscriptions.ByManageTokenAsync(token, cancellationToken)) is null) return NotFound();
        Done = Subscription.State == SubscriptionState.Unsubscribed;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if ((Subscription = await subscriptions.ByManageTokenAsync(token, cancellationToken)) is null) return NotFound();
        await subscriptions.UnsubscribeAsync(Subscription, cancellationToken);
        Done = true;
        return Page();
    }
}
