using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Events.Participants;

/// <summary><c>/events/certificates</c>: the signed-in member's events they attended, each with its certificate.</summary>
[Authorize(Policy = Policies.SignedIn)]
public class CertificatesModel(YhdessaDb db) : PageModel
{
    public List<Event> Attended { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Attended = await db.Events.AsNoTracking()
            .Where(e => e.Status != EventStatus.Cancelled && db.EventRegistrations.Any(r => r.EventId == e.Id && r.UserId == userId
                && r.Status == RegistrationStatus.Confirmed && r.Attendance == Attendance.Attended && r.PersonalDataErasedAt == null))
            .OrderByDescending(e => e.StartsAt).ToListAsync(cancellationToken);
    }
}
