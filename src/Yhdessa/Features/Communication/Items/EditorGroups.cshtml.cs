using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Communication.Items.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Features.Network.Groups;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Communication.Items;

/// <summary><c>/newsletter/editor-groups</c>: a coordinator names the groups whose members edit the newsletter beside the
/// coordinators.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class EditorGroupsModel(YhdessaDb db, GroupService groups, AuditLog audit, IStringLocalizer<CommunicationText> c) : PageModel
{
    public List<Group> Groups { get; private set; } = [];
    [BindProperty] public List<int> GroupIds { get; set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Groups = await groups.ChoicesAsync(cancellationToken);
        GroupIds = await db.NewsletterEditorGroups.Select(g => g.GroupId).ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Groups = await groups.ChoicesAsync(cancellationToken);
        var chosen = GroupIds.Distinct().ToList();
        if (chosen.Any(id => Groups.All(g => g.Id != id)))
        {
            ModelState.AddModelError(nameof(GroupIds), c["UnknownGroup"]);
            return Page();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.NewsletterEditorGroups.ExecuteDeleteAsync(cancellationToken);
        db.NewsletterEditorGroups.AddRange(chosen.Select(id => new NewsletterEditorGroup { GroupId = id }));
        audit.Record("newsletter.editor-groups-changed", "newsletter", string.Join(",", chosen.Order()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData["Notice"] = (string)c["EditorGroupsSaved"];
        return Redirect("/newsletter/editor-groups");
    }
}
