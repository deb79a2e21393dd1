using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.My;
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
        Attended = await AttendedBy(db, userId).ToListAsync(cancellationToken);
    }

    /// <summary>The events the person attended, latest first: each has a certificate.</summary>
    public static IQueryable<Event> AttendedBy(YhdessaDb db, string userId) => db.Events.AsNoTracking()
        .Where(e => e.Status != EventStatus.Cancelled && db.EventRegistrations.Any(r => r.EventId == e.Id && r.UserId == userId
            && r.Status == RegistrationStatus.Confirmed && r.Attendance == Attendance.Attended && r.PersonalDataErasedAt == null))
        .OrderByDescending(e => e.StartsAt);
}

/// <summary>On a person's own page: her latest certificates.</summary>
internal sealed class MyCertificatesPart(YhdessaDb db, IStringLocalizer<ParticipantsText> p, IStringLocalizer<EventsText> e) : IMyPagePart
{
    public int Order => 20;

    public async Task<MyPagePart?> LoadAsync(ClaimsPrincipal person, CancellationToken cancellationToken)
    {
        var latest = await CertificatesModel.AttendedBy(db, person.FindFirstValue(ClaimTypes.NameIdentifier)!).Take(3).ToListAsync(cancellationToken);
        return new MyPagePart(p["MyCertificatesTitle"], [.. latest.Select(ev => new MyThing(ev.Title, $"/events/{ev.Slug}/certificate",
                e.When(ev), ev.TitleFallbackLanguage))],
            p["NoCertificates"], [new MyLink(p["AllCertificatesLink"], "/events/certificates")]);
    }
}
