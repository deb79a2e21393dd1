using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Features.Network.Groups;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Needs;

/// <summary><c>/needs/triage-groups</c>: a coordinator names the groups whose members triage needs, beside the small
/// expert team (whose members always do).</summary>
[Authorize(Policy = Policies.Coordinator)]
public class TriageGroupsModel(YhdessaDb db, GroupService groups, AuditLog audit, IStringLocalizer<NeedsText> n) : PageModel
{
    public List<Group> Groups { get; private set; } = [];
    [BindProperty] public List<int> GroupIds { get; set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Groups = await groups.ChoicesAsync(cancellationToken);
        GroupIds = await db.NeedTriageGroups.Select(t => t.GroupId).ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Groups = await groups.ChoicesAsync(cancellationToken);
        var chosen = GroupIds.Distinct().ToList();
        if (chosen.Any(id => Groups.All(g => g.Id != id)))
        {
            ModelState.AddModelError(nameof(GroupIds), n["UnknownGroup"]);
            return Page();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.NeedTriageGroups.ExecuteDeleteAsync(cancellationToken);
        db.NeedTriageGroups.AddRange(chosen.Select(id => new NeedTriageGroup { GroupId = id }));
        audit.Record("needs.triage-groups-changed", "needs", string.Join(",", chosen.Order()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData["Notice"] = (string)n["TriageGroupsSaved"];
        return Redirect("/needs/triage-groups");
    }
}
