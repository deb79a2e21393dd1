using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Events.Registration;

/// <summary><c>/events/my</c>: the signed-in person's registrations, upcoming first, each linking to its own page
/// where it can be cancelled, and to the confirmation step of deleting it. A place in a queue shows its number, an
/// offered seat the time by which to confirm it. Signed-out visitors are sent to sign in by the fallback policy.</summary>
public class MyModel(YhdessaDb db, Registrations registrations, RegistrationTokens tokens, UserManager<User> users,
    TimeProvider clock) : PageModel
{
    public sealed record Row(Event Event, EventRegistration Registration, string Link, int? Position);

    public List<Row> Upcoming { get; private set; } = [];
    public List<Row> Past { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var now = clock.GetUtcNow();
        var rows = await (
                from r in db.EventRegistrations.AsNoTracking()
                where r.UserId == userId
                join e in db.Events.AsNoTracking() on r.EventId equals e.Id
                select new { r, e })
            .ToListAsync(cancellationToken);
        var all = new List<Row>();
        foreach (var x in rows)
            all.Add(new Row(x.e, x.r, tokens.Path(x.r), await registrations.PositionAsync(x.r, cancellationToken)));
        Upcoming = all.Where(x => x.Event.EndsAt > now).OrderBy(x => x.Event.StartsAt).ToList();
        Past = all.Where(x => x.Event.EndsAt <= now).OrderByDescending(x => x.Event.StartsAt).ToList();
    }
}
