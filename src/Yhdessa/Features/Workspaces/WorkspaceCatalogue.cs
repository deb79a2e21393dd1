using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Needs;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Workspaces;

public sealed record WorkspaceCard(int Id, string Slug, string Name, WorkspaceMethod Method, WorkspaceStatus Status, DateOnly? StartsOn,
    DateOnly? EndsOn, WorkspaceRole? Role, bool IsPublic);

/// <summary>What a workspace's settings form sends; checked by the page before it is saved.</summary>
public sealed class WorkspaceInput
{
    public string? Name { get; set; }
    public string? Purpose { get; set; }
    public WorkspaceMethod Method { get; set; }
    public WorkspaceStatus Status { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public bool IsPublic { get; set; }
    public string? Outputs { get; set; }
    public List<int> Themes { get; set; } = [];
    public int Revision { get; set; }
}

public enum SaveOutcome { Done, NameTaken, Stale }

/// <summary>The workspaces: a person's own, all of them for coordinators, the published ones for everyone; and their settings.</summary>
public sealed class WorkspaceCatalogue(YhdessaDb db, NeedCatalogue needs, AuditLog audit, TimeProvider clock, IOutputCacheStore cache)
{
    public Task<List<WorkspaceCard>> MineAsync(string userId, CancellationToken cancellationToken) =>
        (from p in db.WorkspaceParticipants
         where p.UserId == userId
         join w in db.Workspaces on p.WorkspaceId equals w.Id
         orderby w.Name
         select new WorkspaceCard(w.Id, w.Slug, w.Name, w.Method, w.Status, w.StartsOn, w.EndsOn, p.Role, w.IsPublic))
        .AsNoTracking().ToListAsync(cancellationToken);

    /// <summary>Every workspace, for coordinators, by name.</summary>
    public Task<List<WorkspaceCard>> AllAsync(CancellationToken cancellationToken) =>
        db.Workspaces.AsNoTracking().OrderBy(w => w.Name)
            .Select(w => new WorkspaceCard(w.Id, w.Slug, w.Name, w.Method, w.Status, w.StartsOn, w.EndsOn, null, w.IsPublic))
            .ToListAsync(cancellationToken);

    public Task<List<WorkspaceCard>> PublicAsync(CancellationToken cancellationToken) =>
        db.Workspaces.AsNoTracking().Where(w => w.IsPublic).OrderBy(w => w.Name)
            .Select(w => new WorkspaceCard(w.Id, w.Slug, w.Name, w.Method, w.Status, w.StartsOn, w.EndsOn, null, true))
            .ToListAsync(cancellationToken);

    /// <summary>The public needs the workspace answers, by title.</summary>
    public Task<List<(int Id, string Title)>> NeedsAsync(int workspaceId, CancellationToken cancellationToken) =>
        needs.Public().Where(n => db.WorkspaceNeedLinks.Any(l => l.WorkspaceId == workspaceId && l.NeedId == n.Id)).OrderBy(n => n.Title)
            .Select(n => new ValueTuple<int, string>(n.Id, n.Title)).ToListAsync(cancellationToken);

    public async Task<bool> LinkNeedAsync(int workspaceId, int needId, CancellationToken cancellationToken)
    {
        if (!await needs.Public().AnyAsync(n => n.Id == needId, cancellationToken)) return false;
        if (await db.WorkspaceNeedLinks.AnyAsync(l => l.WorkspaceId == workspaceId && l.NeedId == needId, cancellationToken)) return true;
        db.WorkspaceNeedLinks.Add(new WorkspaceNeedLink { WorkspaceId = workspaceId, NeedId = needId });
        audit.Record("workspace.need-linked", "workspace:" + workspaceId, "need:" + needId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear(); // linked twice at once
        }
        return true;
    }

    public async Task UnlinkNeedAsync(int workspaceId, int needId, CancellationToken cancellationToken)
    {
        await db.WorkspaceNeedLinks.Where(l => l.WorkspaceId == workspaceId && l.NeedId == needId).ExecuteDeleteAsync(cancellationToken);
        await audit.RecordNowAsync("workspace.need-unlinked", "workspace:" + workspaceId, "need:" + needId, cancellationToken: cancellationToken);
    }

    /// <summary>Open needs to choose from on the settings page, most supported first.</summary>
    public Task<List<(int Id, string Title)>> OpenNeedsAsync(CancellationToken cancellationToken) =>
        needs.Public().Where(n => n.State != NeedState.Merged && n.State != NeedState.Declined && n.State != NeedState.Answered)
            .OrderByDescending(n => n.SupportCount).ThenBy(n => n.Title).Take(300)
            .Select(n => new ValueTuple<int, string>(n.Id, n.Title)).ToListAsync(cancellationToken);

    public Task<List<int>> ThemeIdsAsync(int workspaceId, CancellationToken cancellationToken) =>
        db.WorkspaceThemeLinks.Where(l => l.WorkspaceId == workspaceId).Select(l => l.ThemeId).ToListAsync(cancellationToken);

    public async Task<List<string>> ThemeNamesAsync(int workspaceId, CancellationToken cancellationToken) =>
        [.. (await db.WorkspaceThemeLinks.Where(l => l.WorkspaceId == workspaceId).Select(l => l.Theme!).AsNoTracking()
            .ToListAsync(cancellationToken)).Select(x => x.Name)];

    /// <summary>The organisations taking part, by name: shown to participants and on the public page.</summary>
    public async Task<List<Organisation>> OrganisationsAsync(int workspaceId, CancellationToken cancellationToken) =>
        [.. (await db.Organisations.AsNoTracking()
            .Where(o => db.WorkspaceParticipants.Where(p => p.WorkspaceId == workspaceId).Select(p => p.OrganisationId).Contains(o.Id))
            .ToListAsync(cancellationToken)).OrderBy(o => o.Name)];

    /// <summary>Creates a workspace (<paramref name="workspace"/> null) or saves its settings. A new workspace whose
    /// address (made of its name) is taken is not created; a form older than the last save is refused.</summary>
    public async Task<(SaveOutcome Outcome, Workspace? Saved)> SaveAsync(Workspace? workspace, WorkspaceInput input, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var isNew = workspace is null;
        if (workspace is null)
        {
            workspace = new Workspace { Slug = SlugOf(input.Name!), CreatedAt = now };
            db.Workspaces.Add(workspace);
        }
        else
        {
            workspace = await db.Workspaces.Include(w => w.Themes).FirstAsync(w => w.Id == workspace.Id, cancellationToken);
            if (workspace.Revision != input.Revision) return (SaveOutcome.Stale, null);
            workspace.Revision++;
        }
        workspace.Name = input.Name!.Trim();
        workspace.Purpose = input.Purpose!.Trim();
        workspace.Method = input.Method;
        workspace.Status = input.Status;
        workspace.StartsOn = input.StartsOn;
        workspace.EndsOn = input.EndsOn;
        workspace.IsPublic = input.IsPublic;
        workspace.Outputs = TextInput.TrimToNull(input.Outputs);
        workspace.UpdatedAt = now;
        workspace.Themes.RemoveAll(l => !input.Themes.Contains(l.ThemeId));
        foreach (var theme in input.Themes.Distinct().Where(t => workspace.Themes.All(l => l.ThemeId != t)))
            workspace.Themes.Add(new WorkspaceThemeLink { ThemeId = theme });
        audit.Record(isNew ? "workspace.created" : "workspace.changed", "workspace:" + workspace.Slug);
        try
        {
            if (!await db.SaveUnlessSlugTakenAsync(workspace, isNew, cancellationToken)) return (SaveOutcome.NameTaken, null);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (SaveOutcome.Stale, null);
        }
        await WorkspaceYear.ChangedAsync(cache, workspace.Id);
        return (SaveOutcome.Done, workspace);
    }

    /// <summary>Addresses below /workspaces that are pages of their own, never a workspace's.</summary>
    private static readonly HashSet<string> Reserved = ["new", "join", "actions", "calendar"];

    private static string SlugOf(string name) => Slugs.FromName(name) is var slug && Reserved.Contains(slug) ? slug + "-tyotila" : slug;

    /// <summary>How long one visit lasts: pages seen within it belong to the same visit.</summary>
    public static readonly TimeSpan VisitLength = TimeSpan.FromMinutes(30);

    /// <summary>Notes the participant's visit, and says when the one before was ("what changed since my last visit") and
    /// whether she has left the workspace out of her weekly digest.</summary>
    public async Task<(DateTimeOffset? Previous, bool DigestOff)> VisitAsync(int workspaceId, string userId, CancellationToken cancellationToken)
    {
        var own = await db.WorkspaceParticipants.Where(p => p.WorkspaceId == workspaceId && p.UserId == userId)
            .Select(p => new { p.LastVisitAt, p.PreviousVisitAt, p.DigestOff }).FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // Pages seen within one visit keep showing what changed since the visit before, and cost no write: a write on
        // every page view would queue the readers behind SQLite's single writer.
        if (own?.LastVisitAt is { } last && now - last < VisitLength) return (own.PreviousVisitAt, own.DigestOff);
        await db.WorkspaceParticipants.Where(p => p.WorkspaceId == workspaceId && p.UserId == userId)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.PreviousVisitAt, x => x.LastVisitAt).SetProperty(x => x.LastVisitAt, now), cancellationToken);
        return (own?.LastVisitAt, own?.DigestOff ?? false);
    }
}
