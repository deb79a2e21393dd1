using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Events.Participants;

/// <summary><c>/events/{key}/certificate</c>: a signed-in member's own attendance certificate as a PDF, or a page that
/// says why there is none (403 when they did not attend).</summary>
[Authorize(Policy = Policies.SignedIn)]
public class CertificateModel(EventCatalogue catalogue, Certificates certificates) : PageModel
{
    public CertificateRefusal Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(Viewer.From(User), key, cancellationToken) is not { } ev) return NotFound();
        var result = await certificates.ForMemberAsync(ev.Id, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        return CertificateResponse.Of(this, result, refusal => Refusal = refusal);
    }
}

/// <summary><c>/events/certificate/{token}</c>: a guest's certificate from the signed link in their thank-you email.
/// The link is the right to the certificate; an altered or made-up link is refused.</summary>
[AllowAnonymous]
public class GuestCertificateModel(Certificates certificates) : PageModel
{
    public CertificateRefusal Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (certificates.RegistrationOf(token) is not { } registrationId)
        {
            Refusal = CertificateRefusal.NotFound;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var result = await certificates.ForRegistrationAsync(registrationId, cancellationToken);
        return CertificateResponse.Of(this, result, refusal => Refusal = refusal);
    }
}

internal static class CertificateResponse
{
    /// <summary>The PDF, or the page explaining the refusal with a status that matches it.</summary>
    public static IActionResult Of(PageModel page, CertificateResult result, Action<CertificateRefusal> refused)
    {
        // A certificate names a person: no shared cache may keep it.
        page.Response.Headers.CacheControl = "no-store";
        if (result.Pdf is { } pdf) return page.File(pdf, "application/pdf", result.FileName);
        refused(result.Refusal!.Value);
        page.Response.StatusCode = result.Refusal switch
        {
            CertificateRefusal.NotAttended => StatusCodes.Status403Forbidden,
            CertificateRefusal.Erased => StatusCodes.Status410Gone,
            _ => StatusCodes.Status404NotFound,
        };
        return page.Page();
    }
}
