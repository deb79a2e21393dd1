using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Network.Groups;

[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy)]
public class IndexModel(YhdessaDb db) : PageModel
{
    public sealed record Row(Group Group, int Members);

    public IReadOnlyList<Row> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Groups.AsNoTracking()
            .Select(g => new Row(g, db.GroupMemberships.Count(m => m.GroupId == g.Id && m.Status == MembershipStatus.Member)))
            .ToListAsync(cancellationToken);
        Groups = rows.OrderBy(r => r.Group.Kind).ThenBy(r => r.Group.Name).ToList();
    }
}
