using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.My;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Network.Groups;

/// <summary>On a person's own page: the groups she belongs to or has asked to join.</summary>
internal sealed class MyGroupsPart(YhdessaDb db, IStringLocalizer<NetworkText> n) : IMyPagePart
{
    public int Order => 30;

    public async Task<MyPagePart?> LoadAsync(ClaimsPrincipal person, CancellationToken cancellationToken)
    {
        var userId = person.FindFirstValue(ClaimTypes.NameIdentifier);
        var mine = await (from m in db.GroupMemberships.AsNoTracking()
                          where m.UserId == userId
                          join g in db.Groups.AsNoTracking() on m.GroupId equals g.Id
                          select new { Group = g, m.Status, m.IsGroupAdmin }).ToListAsync(cancellationToken);
        return new MyPagePart(n["MyGroupsHeading"], [.. mine.OrderBy(x => x.Group.Name, StringComparer.CurrentCulture)
                .Select(x => new MyThing(x.Group.Name, $"/network/groups/{x.Group.Slug}",
                    x.Status == MembershipStatus.Requested ? n["MyGroupRequested"] : x.IsGroupAdmin ? n["GroupAdmin"] : n["MyGroupMember"],
                    x.Group.NameFallbackLanguage))],
            n["MyGroupsNone"], [new MyLink(n["MyGroupsBrowse"], "/network/groups"), new MyLink(n["MyNetworkProfile"], "/network/profile")]);
    }
}
