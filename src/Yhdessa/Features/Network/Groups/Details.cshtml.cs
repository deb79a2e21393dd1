using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Network.Data;

namespace Yhdessa.Features.Network.Groups;

/// <summary>A group's page; signed-in members join, request, leave or cancel here, and the group's admins
/// and coordinators decide on requests. Every action is checked on the server, whatever the form sent.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy)]
public class DetailsModel(GroupService groups, IStringLocalizer<NetworkText> n) : PageModel
{
    public Group Group { get; private set; } = null!;
    public GroupMembership? Own { get; private set; }
    public bool CanManage { get; private set; }
    public bool CanSeeMembers { get; private set; }
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<MemberRow> Requests { get; private set; } = [];
    public int HiddenMembers { get; private set; }
    public int MemberCount { get; private set; }

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (await LoadAsync(key, cancellationToken) is { } notFound) return notFound;
        return Page();
    }

    public Task<IActionResult> OnPostJoinAsync(string key, CancellationToken cancellationToken) =>
        ActAsync(key, group => groups.JoinAsync(group, UserId!, request: false, cancellationToken), "Joined", cancellationToken);

    public Task<IActionResult> OnPostRequestAsync(string key, CancellationToken cancellationToken) =>
        ActAsync(key, group => groups.JoinAsync(group, UserId!, request: true, cancellationToken), "Requested", cancellationToken);

    public Task<IActionResult> OnPostLeaveAsync(string key, CancellationToken cancellationToken) =>
        ActAsync(key, group => groups.LeaveAsync(group, UserId!, cancellationToken), "Left", cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(string key, CancellationToken cancellationToken) =>
        ActAsync(key, group => groups.LeaveAsync(group, UserId!, cancellationToken), "RequestCancelled", cancellationToken);

    public Task<IActionResult> OnPostDecideAsync(string key, string userId, GroupService.Decision decision,
        CancellationToken cancellationToken) =>
        ActAsync(key, group => groups.DecideAsync(group, User, userId ?? "", decision, cancellationToken),
            "Decision_" + decision, cancellationToken);

    private async Task<IActionResult> ActAsync(string key, Func<Group, Task<GroupService.Outcome>> action, string doneText,
        CancellationToken cancellationToken)
    {
        if (UserId is null) return Challenge();
        if (!ModelState.IsValid) return BadRequest();
        var group = await groups.FindAsync(key, cancellationToken);
        if (group is null) return NotFound();
        switch (await action(group))
        {
            case GroupService.Outcome.NotAllowed:
                return Forbid();
            case GroupService.Outcome.NeedsApproval:
                // A tampered or stale "join" on a group that takes members by approval: nothing is saved.
                await LoadAsync(key, cancellationToken);
                ModelState.AddModelError("", n["JoinNeedsApproval"]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            case GroupService.Outcome.NothingToDo:
                TempData["Notice"] = (string)n["NothingChanged"];
                break;
            default:
                TempData["Notice"] = (string)n["Group" + doneText];
                break;
        }
        return Redirect("/network/groups/" + group.Slug);
    }

    private async Task<IActionResult?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        var group = await groups.FindAsync(key, cancellationToken);
        if (group is null) return NotFound();
        Group = group;
        Own = await groups.MembershipAsync(group.Id, UserId, cancellationToken);
        CanManage = UserId is not null && GroupService.CanManage(User, Own);
        CanSeeMembers = GroupService.CanSeeMembers(group, User, Own);
        var all = await groups.MembersAsync(group.Id, cancellationToken);
        var members = all.Where(m => m.Status == MembershipStatus.Member).ToList();
        MemberCount = members.Count;
        if (CanSeeMembers)
        {
            // Sign-up is open to anyone, so being signed in proves nothing: only coordinators and the group's own
            // members (admins among them), who need to know each other, see every member by name. Everyone else
            // sees by name only the members who made their profile public, and the rest as a count.
            Members = GroupService.SeesEveryMember(User, Own) ? members : members.Where(m => m.PublicProfileId is not null).ToList();
            HiddenMembers = members.Count - Members.Count;
        }
        if (CanManage) Requests = all.Where(m => m.Status == MembershipStatus.Requested).ToList();
        return null;
    }
}
