using System.Security.Claims;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Web;

namespace Yhdessa.Features.Needs;

public enum TriageResult { Done, NotFound, Stale, NotAllowed, ReasonRequired, BadTarget, BadAssignee, BadAnswer, Busy }

/// <summary>
/// Triage: coordinators and the members of the small expert team and of the groups a coordinator names move needs
/// through their states, keep private notes and name who looks after a need. Every change of state goes into the need's
/// public history (as the role that acted) and the audit log (as the person). A change carries the revision of the
/// need its form showed: a change made meanwhile by someone else refuses it, and nothing is lost.
/// </summary>
public sealed class NeedTriage(YhdessaDb db, NeedFollowers followers, AuditLog audit, IOutputCacheStore cache, TimeProvider clock)
{
    /// <summary>Where a need may go from each state. Merged is final: its supports and followers live on in the other need.</summary>
    public static readonly IReadOnlyDictionary<NeedState, NeedState[]> Moves = new Dictionary<NeedState, NeedState[]>
    {
        [NeedState.New] = [NeedState.UnderConsideration, NeedState.Planned, NeedState.Declined, NeedState.Merged],
        [NeedState.UnderConsideration] = [NeedState.Planned, NeedState.Declined, NeedState.Merged],
        [NeedState.Planned] = [NeedState.InProgress, NeedState.Answered, NeedState.UnderConsideration, NeedState.Declined, NeedState.Merged],
        [NeedState.InProgress] = [NeedState.Answered, NeedState.Planned],
        [NeedState.Answered] = [NeedState.InProgress],
        [NeedState.Declined] = [NeedState.UnderConsideration],
        [NeedState.Merged] = [],
    };

    /// <summary>Asked of the database on every request, so that leaving a triage group ends the right at once.</summary>
    public async Task<bool> MayTriageAsync(ClaimsPrincipal person, CancellationToken cancellationToken) =>
        person.IsInRole(Roles.Coordinator)
        || person.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && await TriageMemberships(userId).AnyAsync(cancellationToken);

    private IQueryable<GroupMembership> TriageMemberships(string userId) =>
        db.GroupMemberships.Where(m => m.UserId == userId && m.Status == MembershipStatus.Member
            && (db.Groups.Any(g => g.Id == m.GroupId && g.Kind == GroupKind.SmallExpertTeam)
                || db.NeedTriageGroups.Any(t => t.GroupId == m.GroupId)));

    /// <summary>Everyone who may triage, by name: the choices for who looks after a need.</summary>
    public async Task<List<(string Id, string Name)>> TriagersAsync(CancellationToken cancellationToken)
    {
        var coordinatorRole = await db.Roles.Where(r => r.Name == Roles.Coordinator).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        var people = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == coordinatorRole)
                || db.GroupMemberships.Any(m => m.UserId == u.Id && m.Status == MembershipStatus.Member
                    && (db.Groups.Any(g => g.Id == m.GroupId && g.Kind == GroupKind.SmallExpertTeam)
                        || db.NeedTriageGroups.Any(t => t.GroupId == m.GroupId))))
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        return [.. people.OrderBy(p => p.DisplayName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fi-FI"), true))
            .Select(p => (p.Id, p.DisplayName))];
    }

    public async Task<TriageResult> MoveAsync(ClaimsPrincipal person, int needId, int revision, NeedState to, string? note, int? mergeInto,
        CancellationToken cancellationToken)
    {
        if (!await MayTriageAsync(person, cancellationToken)) return TriageResult.NotAllowed;
        var need = await db.Needs.AsNoTracking().SingleOrDefaultAsync(n => n.Id == needId && n.ConfirmedAt != null, cancellationToken);
        if (need is null) return TriageResult.NotFound;
        if (need.Revision != revision) return TriageResult.Stale;
        if (!Moves[need.State].Contains(to)) return TriageResult.NotAllowed;
        if (to == NeedState.Declined && string.IsNullOrWhiteSpace(note)) return TriageResult.ReasonRequired;
        if (to == NeedState.Merged)
        {
            // The target is a public need that is still open: a merged need never takes more, so no chain can loop.
            if (mergeInto is not { } target || target == needId
                || !await db.Needs.AnyAsync(n => n.Id == target && n.ConfirmedAt != null && NeedSupports.OpenStates.Contains(n.State), cancellationToken))
                return TriageResult.BadTarget;
        }
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The revision in the condition refuses a change made meanwhile; the update's lock holds back supports until this ends.
        var moved = await db.Needs.Where(n => n.Id == needId && n.Revision == revision && n.State == need.State)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.State, to).SetProperty(x => x.Revision, x => x.Revision + 1)
                .SetProperty(x => x.UpdatedAt, now)
                .SetProperty(x => x.AnsweredAt, to == NeedState.Answered ? now : null)
                .SetProperty(x => x.DeclineReason, to == NeedState.Declined ? note!.Trim() : null)
                .SetProperty(x => x.MergedIntoId, to == NeedState.Merged ? mergeInto : null), cancellationToken);
        if (moved == 0) return TriageResult.Stale;
        if (to == NeedState.Merged)
        {
            try
            {
                // The target is taken into this transaction while still open: a merge the other way, or its answer,
                // cannot slip in between the check above and the move.
                var target = await db.Needs.Where(n => n.Id == mergeInto && n.ConfirmedAt != null && NeedSupports.OpenStates.Contains(n.State))
                    .ExecuteUpdateAsync(n => n.SetProperty(x => x.UpdatedAt, now), cancellationToken);
                if (target == 0) return TriageResult.BadTarget;
                await MoveSupportsAsync(needId, mergeInto!.Value, cancellationToken);
            }
            catch (Exception e) when (DatabaseErrors.IsUniqueViolation(e) || DatabaseErrors.IsWriteConflict(e))
            {
                // A support of the target, or a merge the other way, at this very moment: nothing was saved.
                return TriageResult.Busy;
            }
        }
        var cleanNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        await followers.TellAsync(needId, need.Title, to, cleanNote, to == NeedState.Merged ? mergeInto : null,
            person.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        if (to == NeedState.Merged) await followers.MoveAsync(needId, mergeInto!.Value, cancellationToken);
        db.NeedChanges.Add(new NeedChange
        {
            NeedId = needId, At = now, From = need.State, To = to, Note = cleanNote,
            Actor = person.IsInRole(Roles.Coordinator) ? NeedActor.Coordinator : NeedActor.TriageTeam,
        });
        audit.Record("need.state-changed", $"need:{needId}", $"{need.State} → {to}" + (mergeInto is { } m && to == NeedState.Merged ? $" need:{m}" : ""));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // The feed of needs and the pages that list answered needs are cached for visitors.
        await cache.EvictByTagAsync(PublicPages.Tag, cancellationToken);
        return TriageResult.Done;
    }

    /// <summary>The merged need's supports go to the target, except from those who support it already; the target's
    /// count grows by the supports moved, by an increment, so supports arriving at the target meanwhile still count.</summary>
    private async Task MoveSupportsAsync(int from, int to, CancellationToken cancellationToken)
    {
        var movedSupports = await db.NeedSupports
            .Where(s => s.NeedId == from && !db.NeedSupports.Any(t => t.NeedId == to && t.UserId == s.UserId))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.NeedId, to), cancellationToken);
        await db.NeedSupports.Where(s => s.NeedId == from).ExecuteDeleteAsync(cancellationToken);
        await db.Needs.Where(n => n.Id == to).ExecuteUpdateAsync(n => n.SetProperty(x => x.SupportCount, x => x.SupportCount + movedSupports), cancellationToken);
        await db.Needs.Where(n => n.Id == from).ExecuteUpdateAsync(n => n.SetProperty(x => x.SupportCount, 0), cancellationToken);
    }

    public async Task<TriageResult> AssignAsync(ClaimsPrincipal person, int needId, string? assigneeId, CancellationToken cancellationToken)
    {
        if (!await MayTriageAsync(person, cancellationToken)) return TriageResult.NotAllowed;
        if (assigneeId is not null && (await TriagersAsync(cancellationToken)).All(t => t.Id != assigneeId)) return TriageResult.BadAssignee;
        var changed = await db.Needs.Where(n => n.Id == needId && n.ConfirmedAt != null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.AssigneeId, assigneeId), cancellationToken);
        if (changed == 0) return TriageResult.NotFound;
        await audit.RecordNowAsync("need.assigned", $"need:{needId}", assigneeId is null ? "nobody" : $"user:{assigneeId}", cancellationToken: cancellationToken);
        return TriageResult.Done;
    }

    public async Task<TriageResult> AddNoteAsync(ClaimsPrincipal person, int needId, string text, CancellationToken cancellationToken)
    {
        if (!await MayTriageAsync(person, cancellationToken)) return TriageResult.NotAllowed;
        if (!await db.Needs.AnyAsync(n => n.Id == needId && n.ConfirmedAt != null, cancellationToken)) return TriageResult.NotFound;
        db.NeedTriageNotes.Add(new NeedTriageNote
        {
            NeedId = needId, AuthorId = person.FindFirstValue(ClaimTypes.NameIdentifier), At = clock.GetUtcNow(), Text = text.Trim(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return TriageResult.Done;
    }

    public Task<List<NeedChange>> HistoryAsync(int needId, CancellationToken cancellationToken) =>
        db.NeedChanges.AsNoTracking().Where(c => c.NeedId == needId).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(cancellationToken);

    public async Task<List<(NeedTriageNote Note, string? Author)>> NotesAsync(int needId, CancellationToken cancellationToken)
    {
        var notes = await db.NeedTriageNotes.AsNoTracking().Where(t => t.NeedId == needId).OrderBy(t => t.At)
            .Select(t => new { Note = t, Author = db.Users.Where(u => u.Id == t.AuthorId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return [.. notes.Select(n => (n.Note, n.Author))];
    }
}
