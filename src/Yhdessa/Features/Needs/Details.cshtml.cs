using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Features.Network.Organisations;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Places;

namespace Yhdessa.Features.Needs;

/// <summary><c>/needs/{id}</c>: a need, who wants it and what became of it; members support it here.</summary>
[AllowAnonymous]
public class DetailsModel(NeedCatalogue needs, NeedSupports supports, OrganisationDirectory directory, Municipalities municipalities,
    YhdessaDb db, IStringLocalizer<NeedsText> n) : PageModel
{
    public const int CommentsShown = 50;

    public Need Need { get; private set; } = null!;
    /// <summary>The raiser's name, only when she chose to show it and her account still exists.</summary>
    public string? RaiserName { get; private set; }
    public string? OrganisationName { get; private set; }
    public string? MunicipalityName { get; private set; }
    public bool HasSupported { get; private set; }
    public List<SupportComment> Comments { get; private set; } = [];

    [BindProperty, StringLength(NeedLimits.Comment, ErrorMessage = "TooLong"), Display(Name = "Needs_Comment")]
    public string? Comment { get; set; }

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostSupportAsync(int id, CancellationToken cancellationToken)
    {
        if (UserId is not { } userId) return Challenge();
        if (!ModelState.IsValid) return await LoadAsync(id, cancellationToken) ?? Page();
        var result = await supports.SupportAsync(id, userId, Platform.Text.TextInput.TrimToNull(Comment), cancellationToken);
        return await AfterAsync(id, result, cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken)
    {
        if (UserId is not { } userId) return Challenge();
        return await AfterAsync(id, await supports.WithdrawAsync(id, userId, cancellationToken), cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(int id, SupportResult result, CancellationToken cancellationToken)
    {
        if (result == SupportResult.NotFound) return NotFound();
        if (result == SupportResult.Closed)
        {
            // A stale page: the need was answered, declined or merged after it was opened. Nothing is saved.
            if (await LoadAsync(id, cancellationToken) is { } missing) return missing;
            ModelState.AddModelError("", n["SupportClosed"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData["Notice"] = (string)n["Support_" + result];
        return Redirect($"/needs/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await needs.FindAsync(id, cancellationToken) is not { } need) return NotFound();
        // A merged need lives on in the one it was merged into.
        if (need.State == NeedState.Merged && need.MergedIntoId is { } target) return RedirectPermanent($"/needs/{target}");
        Need = need;
        if (need.RaiserNameShown && need.RaisedById is { } raiser)
            RaiserName = await db.Users.Where(u => u.Id == raiser).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        if (need.RaiserNameShown && need.OrganisationId is { } organisationId)
            OrganisationName = (await directory.FindAsync(organisationId, cancellationToken))?.Name;
        MunicipalityName = municipalities.Find(need.MunicipalityCode)?.Name(Platform.Localization.Languages.Current);
        HasSupported = UserId is { } userId && await supports.HasSupportedAsync(id, userId, cancellationToken);
        Comments = await supports.CommentsAsync(id, CommentsShown, cancellationToken);
        return null;
    }
}
