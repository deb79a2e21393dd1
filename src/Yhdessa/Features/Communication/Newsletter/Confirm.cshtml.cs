using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Yhdessa.Features.Communication.Newsletter.Data;

namespace Yhdessa.Features.Communication.Newsletter;

/// <summary><c>/newsletter/confirm/{token}</c>: the link of the confirmation mail. Opening it shows a button, and only the
/// press confirms, so that a mail program that opens links subscribes no one.</summary>
[AllowAnonymous]
public class ConfirmModel(Subscriptions subscriptions) : PageModel
{
    public Subscription? Waiting { get; private set; }
    public ConfirmResult? Result { get; private set; }

    public async Task OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Waiting = await subscriptions.WaitingAsync(token, cancellationToken);
        // A link that no longer works says why: expired (ask again) or used already (she is subscribed then).
        if (Waiting is null) Result = await subscriptions.HasExpiredAsync(token, cancellationToken) ? ConfirmResult.Expired : ConfirmResult.Unknown;
    }

    public async Task OnPostAsync(string token, CancellationToken cancellationToken) =>
        Result = await subscriptions.ConfirmAsync(token, cancellationToken);
}
