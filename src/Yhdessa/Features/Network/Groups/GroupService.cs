using System.Security.Claims;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Network.Groups;

public sealed record MemberRow(string UserId, string Name, int? PublicProfileId, bool IsGroupAdmin, MembershipStatus Status);

/// <summary>The rules of group membership, in one place for the pages and the tests to rely on.</summary>
public sealed class GroupService(YhdessaDb db, AuditLog audit, IOutputCacheStore cache, TimeProvider clock)
{
    /// <summary>Every group, by Finnish name: the choice list of the forms that name a group.</summary>
    public Task<List<Group>> ChoicesAsync(CancellationToken cancellationToken) =>
        db.Groups.AsNoTracking().OrderBy(g => g.NameFi).ToListAsync(cancellationToken);

    public enum Outcome { Done, NotAllowed, NeedsApproval, NothingToDo }

    public Task<Group?> FindAsync(string key, CancellationToken cancellationToken) =>
        db.Groups.FindByKeyAsync(key, cancellationToken);

    public Task<GroupMembership?> MembershipAsync(int groupId, string? userId, CancellationToken cancellationToken) =>
        userId is null
            ? Task.FromResult<GroupMembership?>(null)
            : db.GroupMemberships.FirstOrDefaultAsync(m => m.GroupId == groupId && m.UserId == userId, cancellationToken);

    public static bool CanManage(ClaimsPrincipal user, GroupMembership? own) =>
        user.IsInRole(Roles.Coordinator) || own is { Status: MembershipStatus.Member, IsGroupAdmin: true };

    /// <summary>Whether the viewer may see who belongs to the group, by the group's own choice.</summary>
    public static bool CanSeeMembers(Group group, ClaimsPrincipal user, GroupMembership? own) => group.Visibility switch
    {
        MembershipVisibility.Public => true,
        MembershipVisibility.SignedInMembers => user.Identity?.IsAuthenticated == true,
        _ => user.IsInRole(Roles.Coordinator) || own?.Status == MembershipStatus.Member,
    };

    /// <summary>Whether the viewer sees the members who keep their profile private by name: coordinators and the
    /// group's own members do; anyone else, signed in or not, sees only public profiles by name.</summary>
    public static bool SeesEveryMember(ClaimsPrincipal user, GroupMembership? own) =>
        user.IsInRole(Roles.Coordinator) || own?.Status == MembershipStatus.Member;

    public Task<List<MemberRow>> MembersAsync(int groupId, CancellationToken cancellationToken) =>
        (from m in db.GroupMemberships
         where m.GroupId == groupId
         join u in db.Users on m.UserId equals u.Id
         join p in db.PersonProfiles on m.UserId equals p.UserId into profiles
         from p in profiles.DefaultIfEmpty()
         orderby u.DisplayName
         select new MemberRow(m.UserId, u.DisplayName, p != null && p.IsPublic ? p.Id : null, m.IsGroupAdmin, m.Status))
        .ToListAsync(cancellationToken);

    /// <summary>Joins an open group at once; a group that takes members by approval only gets a request.</summary>
    public async Task<Outcome> JoinAsync(Group group, string userId, bool request, CancellationToken cancellationToken)
    {
        if (await MembershipAsync(group.Id, userId, cancellationToken) is not null) return Outcome.NothingToDo;
        if (!request && group.Joining != Joining.Open) return Outcome.NeedsApproval;
        var status = group.Joining == Joining.Open ? MembershipStatus.Member : MembershipStatus.Requested;
        db.GroupMemberships.Add(new GroupMembership { GroupId = group.Id, UserId = userId, Status = status, Since = clock.GetUtcNow() });
        audit.Record(status == MembershipStatus.Member ? "network.group.joined" : "network.group.requested", "group:" + group.Slug);
        try
        {
            await SaveAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // A double-clicked join: its twin saved the same membership first, so this one has nothing left to do.
            return Outcome.NothingToDo;
        }
        return Outcome.Done;
    }

    /// <summary>Leaving a group, or withdrawing one's request to join it.</summary>
    public async Task<Outcome> LeaveAsync(Group group, string userId, CancellationToken cancellationToken)
    {
        var own = await MembershipAsync(group.Id, userId, cancellationToken);
        if (own is null) return Outcome.NothingToDo;
        db.GroupMemberships.Remove(own);
        audit.Record(own.Status == MembershipStatus.Member ? "network.group.left" : "network.group.request-cancelled", "group:" + group.Slug);
        await SaveAsync(cancellationToken);
        return Outcome.Done;
    }

    public enum Decision { Approve, Decline, MakeAdmin, RemoveAdmin }

    /// <summary>A group admin's or a coordinator's decision about another person's membership.</summary>
    public async Task<Outcome> DecideAsync(Group group, ClaimsPrincipal actor, string targetUserId, Decision decision,
        CancellationToken cancellationToken)
    {
        var actorId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!CanManage(actor, await MembershipAsync(group.Id, actorId, cancellationToken))) return Outcome.NotAllowed;
        var target = await MembershipAsync(group.Id, targetUserId, cancellationToken);
        switch (decision)
        {
            case Decision.Approve when target is { Status: MembershipStatus.Requested }:
                target.Status = MembershipStatus.Member;
                target.Since = clock.GetUtcNow();
                break;
            case Decision.Decline when target is { Status: MembershipStatus.Requested }:
                db.GroupMemberships.Remove(target);
                break;
            case Decision.MakeAdmin when target is { Status: MembershipStatus.Member }:
                target.IsGroupAdmin = true;
                break;
            case Decision.RemoveAdmin when target is { Status: MembershipStatus.Member, IsGroupAdmin: true }:
                target.IsGroupAdmin = false;
                break;
            default:
                return Outcome.NothingToDo;
        }
        // The audit names the account id, not the person's name: the log must not collect more than it needs.
        audit.Record("network.group." + decision.ToString().ToLowerInvariant(), "group:" + group.Slug, "user:" + targetUserId);
        await SaveAsync(cancellationToken);
        return Outcome.Done;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await cache.EvictByTagAsync(PublicPages.Tag, cancellationToken);
    }
}
