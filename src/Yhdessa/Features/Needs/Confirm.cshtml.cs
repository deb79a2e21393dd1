using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Needs.Data;

namespace Yhdessa.Features.Needs;

/// <summary><c>/needs/confirm/{token}</c>: the link mailed to a visitor who raised a need. The link opens the need as she
/// wrote it with a button that publishes it, so that a mail program that opens links by itself publishes nothing.</summary>
[AllowAnonymous]
public class ConfirmModel(VisitorNeeds visitors, IStringLocalizer<NeedsText> n) : PageModel
{
    public Need? Need { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Need = await visitors.WaitingAsync(token, cancellationToken);
        if (Need is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (await visitors.ConfirmAsync(token, cancellationToken) is not { } needId)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        TempData["Notice"] = (string)n["NeedConfirmed"];
        return Redirect($"/needs/{needId}");
    }
}
