using System.Security.Claims;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Events;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Web;

namespace Yhdessa.Features.Needs.Answers;

/// <summary>A need's answer as its page shows it: the kind's name and the record.</summary>
public sealed record ShownAnswer(int Id, string Kind, string KindName, AnswerTarget Target);

/// <summary>
/// What answered a need: triagers link a record of any <see cref="INeedAnswerKind"/> to it, and unlink it. The need's
/// page lists them, and the record's own page lists the needs it answers (<see cref="IAnsweredNeeds"/>). A record that
/// is no longer public is left out everywhere, without deleting the link.
/// </summary>
public sealed class NeedAnswers(YhdessaDb db, IEnumerable<INeedAnswerKind> kinds, NeedTriage triage, AuditLog audit, IOutputCacheStore cache,
    TimeProvider clock) : IAnsweredNeeds
{
    public IReadOnlyList<INeedAnswerKind> Kinds { get; } = [.. kinds];

    public INeedAnswerKind? Kind(string? key) => Kinds.FirstOrDefault(k => k.Key == key);

    public async Task<List<ShownAnswer>> ForNeedAsync(int needId, CancellationToken cancellationToken) =>
        (await ForNeedsAsync([needId], cancellationToken))[needId];

    /// <summary>The answers of many needs at once: one query for the links and one per kind for the records.</summary>
    public async Task<Dictionary<int, List<ShownAnswer>>> ForNeedsAsync(IReadOnlyCollection<int> needIds, CancellationToken cancellationToken)
    {
        var links = await db.NeedAnswers.AsNoTracking().Where(a => needIds.Contains(a.NeedId)).OrderBy(a => a.AddedAt).ToListAsync(cancellationToken);
        var shown = needIds.ToDictionary(id => id, _ => new List<ShownAnswer>());
        foreach (var group in links.GroupBy(a => a.Kind))
        {
            if (Kind(group.Key) is not { } kind) continue;
            var targets = await kind.FindAsync([.. group.Select(a => a.TargetId).Distinct()], cancellationToken);
            foreach (var link in group.Where(a => targets.ContainsKey(a.TargetId)))
                shown[link.NeedId].Add(new ShownAnswer(link.Id, kind.Key, kind.Name, targets[link.TargetId]));
        }
        return shown;
    }

    public async Task<List<AnsweredNeed>> AnsweredByAsync(string kind, int id, CancellationToken cancellationToken) =>
        await (from a in db.NeedAnswers
               join n in db.Needs on a.NeedId equals n.Id
               where a.Kind == kind && a.TargetId == id && n.ConfirmedAt != null && n.State != NeedState.Merged
               orderby n.Title
               select new AnsweredNeed(n.Title, "/needs/" + n.Id)).AsNoTracking().ToListAsync(cancellationToken);

    public async Task<TriageResult> LinkAsync(ClaimsPrincipal person, int needId, string kindKey, int targetId, CancellationToken cancellationToken)
    {
        if (!await triage.MayTriageAsync(person, cancellationToken)) return TriageResult.NotAllowed;
        if (!await db.Needs.AnyAsync(n => n.Id == needId && n.ConfirmedAt != null && n.State != NeedState.Merged, cancellationToken)) return TriageResult.NotFound;
        if (Kind(kindKey) is not { } kind || !(await kind.FindAsync([targetId], cancellationToken)).ContainsKey(targetId)) return TriageResult.BadAnswer;
        if (await db.NeedAnswers.AnyAsync(a => a.NeedId == needId && a.Kind == kind.Key && a.TargetId == targetId, cancellationToken)) return TriageResult.Done;
        db.NeedAnswers.Add(new NeedAnswer { NeedId = needId, Kind = kind.Key, TargetId = targetId, AddedAt = clock.GetUtcNow() });
        audit.Record("need.answer-linked", $"need:{needId}", $"{kind.Key}:{targetId}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear(); // linked twice at once: once is enough
        }
        // The record's public page lists the needs it answers.
        await cache.EvictByTagAsync(PublicPages.Tag, cancellationToken);
        return TriageResult.Done;
    }

    public async Task<TriageResult> UnlinkAsync(ClaimsPrincipal person, int needId, int answerId, CancellationToken cancellationToken)
    {
        if (!await triage.MayTriageAsync(person, cancellationToken)) return TriageResult.NotAllowed;
        var removed = await db.NeedAnswers.Where(a => a.Id == answerId && a.NeedId == needId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0) return TriageResult.NotFound;
        await audit.RecordNowAsync("need.answer-unlinked", $"need:{needId}", $"answer:{answerId}", cancellationToken: cancellationToken);
        await cache.EvictByTagAsync(PublicPages.Tag, cancellationToken);
        return TriageResult.Done;
    }
}
