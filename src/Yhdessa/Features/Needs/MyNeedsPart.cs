using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.My;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Needs;

/// <summary>On a person's own page: the needs she raised or supports, latest changed first, with their state.</summary>
internal sealed class MyNeedsPart(YhdessaDb db, IStringLocalizer<NeedsText> n) : IMyPagePart
{
    public int Order => 35;

    public async Task<MyPagePart?> LoadAsync(ClaimsPrincipal person, CancellationToken cancellationToken)
    {
        var userId = person.FindFirstValue(ClaimTypes.NameIdentifier);
        var mine = await db.Needs.AsNoTracking()
            .Where(x => x.ConfirmedAt != null && x.State != Data.NeedState.Merged
                && (x.RaisedById == userId || db.NeedSupports.Any(s => s.NeedId == x.Id && s.UserId == userId)))
            .OrderByDescending(x => x.UpdatedAt).Take(5).ToListAsync(cancellationToken);
        return new MyPagePart(n["MyNeedsTitle"], [.. mine.Select(x => new MyThing(x.Title, $"/needs/{x.Id}", n.StateName(x.State)))],
            n["MyNeedsNone"], [new MyLink(n["AllNeeds"], "/needs"), new MyLink(n["RaiseNeed"], "/needs/new")]);
    }
}
