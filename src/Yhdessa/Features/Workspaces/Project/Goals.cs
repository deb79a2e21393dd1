using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Workspaces.Project;

public sealed record IndicatorRow(WorkspaceIndicator Indicator, List<WorkspaceMeasurement> Values)
{
    public WorkspaceMeasurement? Latest => Values.Count > 0 ? Values[^1] : null;
}

/// <summary>A goal with its indicators and the goals below it. <see cref="Level"/> is 1 for the main goal, 2 for a
/// sub-goal and 3 for a sub-project's goal.</summary>
public sealed record GoalNode(WorkspaceGoal Goal, int Level, string? SubProjectName, List<IndicatorRow> Indicators, List<GoalNode> Children)
{
    public IEnumerable<GoalNode> SelfAndBelow() => Children.SelectMany(c => c.SelfAndBelow()).Prepend(this);
}

public enum GoalOutcome { Done, NotAllowed, NotFound, ParentNotFound, TooDeep, SubProjectNeeded, SubProjectNotAllowed, TooMany, HasChildren }

/// <summary>
/// The project's goal tree: one or more main goals, sub-goals under them, and each sub-project's own goals under a
/// sub-goal; every goal may have indicators with a baseline, a target and measured values by period. The project's
/// leads shape the tree; a sub-project's people keep its own goals' status and values (by hand or by work-monitoring
/// reports, <see cref="Reports"/>).
/// </summary>
public sealed class Goals(YhdessaDb db, AuditLog audit, TimeProvider clock)
{
    public const int MaxLevel = 3;

    public async Task<List<GoalNode>> TreeAsync(int workspaceId, CancellationToken cancellationToken)
    {
        var goals = await db.WorkspaceGoals.AsNoTracking().Where(g => g.WorkspaceId == workspaceId).OrderBy(g => g.Position).ThenBy(g => g.Id)
            .ToListAsync(cancellationToken);
        var indicators = await db.WorkspaceIndicators.AsNoTracking().Where(i => i.WorkspaceId == workspaceId).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var indicatorIds = indicators.Select(i => i.Id).ToList();
        var values = await db.WorkspaceMeasurements.AsNoTracking().Where(m => indicatorIds.Contains(m.IndicatorId)).ToListAsync(cancellationToken);
        var subProjects = await db.WorkspaceSubProjects.AsNoTracking().Where(s => s.WorkspaceId == workspaceId)
            .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        GoalNode Node(WorkspaceGoal goal, int level) => new(goal, level,
            goal.SubProjectId is { } s && subProjects.TryGetValue(s, out var name) ? name : null,
            [.. indicators.Where(i => i.GoalId == goal.Id).Select(i => new IndicatorRow(i,
                [.. values.Where(v => v.IndicatorId == i.Id).OrderBy(v => v.EndsOn).ThenBy(v => v.Period)]))],
            [.. goals.Where(g => g.ParentId == goal.Id).Select(g => Node(g, level + 1))]);
        return [.. goals.Where(g => g.ParentId is null).Select(g => Node(g, 1))];
    }

    /// <summary>Adds a goal under <paramref name="parentId"/> (a main goal when null) or changes one's texts and status.
    /// A third-level goal belongs to a sub-project; the levels above belong to the whole project.</summary>
    public async Task<GoalOutcome> SaveAsync(WorkspaceViewer viewer, int? id, int? parentId, int? subProjectId, string title, string? description,
        GoalStatus status, CancellationToken cancellationToken)
    {
        var workspaceId = viewer.Workspace.Id;
        if (id is { } existing)
        {
            var goal = await db.WorkspaceGoals.FirstOrDefaultAsync(g => g.Id == existing && g.WorkspaceId == workspaceId, cancellationToken);
            if (goal is null) return GoalOutcome.NotFound;
            if (!await MayChangeAsync(viewer, goal, cancellationToken)) return GoalOutcome.NotAllowed;
            // A sub-project's people keep its goal's status; the wording is the project leads'.
            if (viewer.CanLead)
            {
                goal.Title = title;
                goal.Description = description;
            }
            goal.Status = status;
            audit.Record("workspace.goal-changed", "workspace:" + workspaceId, "goal:" + goal.Id);
            await db.SaveChangesAsync(cancellationToken);
            return GoalOutcome.Done;
        }
        if (!viewer.CanLead) return GoalOutcome.NotAllowed;
        var level = 1;
        if (parentId is { } p)
        {
            var parent = await db.WorkspaceGoals.AsNoTracking().FirstOrDefaultAsync(g => g.Id == p && g.WorkspaceId == workspaceId, cancellationToken);
            if (parent is null) return GoalOutcome.ParentNotFound;
            level = await LevelAsync(parent, cancellationToken) + 1;
        }
        if (level > MaxLevel) return GoalOutcome.TooDeep;
        if (level == MaxLevel && subProjectId is null) return GoalOutcome.SubProjectNeeded;
        if (level < MaxLevel && subProjectId is not null) return GoalOutcome.SubProjectNotAllowed;
        if (subProjectId is { } s && !await db.WorkspaceSubProjects.AnyAsync(x => x.Id == s && x.WorkspaceId == workspaceId, cancellationToken))
            return GoalOutcome.NotFound;
        var count = await db.WorkspaceGoals.CountAsync(g => g.WorkspaceId == workspaceId, cancellationToken);
        if (count >= ProjectLimits.Goals) return GoalOutcome.TooMany;
        var added = new WorkspaceGoal
        {
            WorkspaceId = workspaceId, ParentId = parentId, SubProjectId = subProjectId, Title = title, Description = description, Status = status,
            Position = count + 1,
        };
        db.WorkspaceGoals.Add(added);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordNowAsync("workspace.goal-added", "workspace:" + workspaceId, "goal:" + added.Id, cancellationToken: cancellationToken);
        return GoalOutcome.Done;
    }

    /// <summary>Removes a goal that has no goals below it, with its indicators and their values.</summary>
    public async Task<GoalOutcome> RemoveAsync(WorkspaceViewer viewer, int id, CancellationToken cancellationToken)
    {
        if (!viewer.CanLead) return GoalOutcome.NotAllowed;
        var workspaceId = viewer.Workspace.Id;
        if (!await db.WorkspaceGoals.AnyAsync(g => g.Id == id && g.WorkspaceId == workspaceId, cancellationToken)) return GoalOutcome.NotFound;
        if (await db.WorkspaceGoals.AnyAsync(g => g.ParentId == id, cancellationToken)) return GoalOutcome.HasChildren;
        await db.WorkspaceGoals.Where(g => g.Id == id && g.WorkspaceId == workspaceId).ExecuteDeleteAsync(cancellationToken);
        await audit.RecordNowAsync("workspace.goal-removed", "workspace:" + workspaceId, "goal:" + id, cancellationToken: cancellationToken);
        return GoalOutcome.Done;
    }

    public async Task<GoalOutcome> SaveIndicatorAsync(WorkspaceViewer viewer, int goalId, int? id, string name, string unit, decimal? baseline,
        decimal? target, CancellationToken cancellationToken)
    {
        if (!viewer.CanLead) return GoalOutcome.NotAllowed;
        var workspaceId = viewer.Workspace.Id;
        if (!await db.WorkspaceGoals.AnyAsync(g => g.Id == goalId && g.WorkspaceId == workspaceId, cancellationToken)) return GoalOutcome.NotFound;
        WorkspaceIndicator indicator;
        if (id is { } existing)
        {
            var found = await db.WorkspaceIndicators.FirstOrDefaultAsync(i => i.Id == existing && i.GoalId == goalId && i.WorkspaceId == workspaceId, cancellationToken);
            if (found is null) return GoalOutcome.NotFound;
            indicator = found;
        }
        else
        {
            if (await db.WorkspaceIndicators.CountAsync(i => i.GoalId == goalId, cancellationToken) >= ProjectLimits.Indicators) return GoalOutcome.TooMany;
            indicator = new WorkspaceIndicator { WorkspaceId = workspaceId, GoalId = goalId };
            db.WorkspaceIndicators.Add(indicator);
        }
        indicator.Name = name;
        indicator.Unit = unit;
        indicator.Baseline = baseline;
        indicator.Target = target;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordNowAsync(id is null ? "workspace.indicator-added" : "workspace.indicator-changed", "workspace:" + workspaceId,
            "indicator:" + indicator.Id, cancellationToken: cancellationToken);
        return GoalOutcome.Done;
    }

    /// <summary>Records an indicator's value for a period, replacing the period's earlier value.</summary>
    public async Task<GoalOutcome> RecordAsync(WorkspaceViewer viewer, int indicatorId, string period, DateOnly endsOn, decimal value,
        CancellationToken cancellationToken)
    {
        var workspaceId = viewer.Workspace.Id;
        var found = await (from i in db.WorkspaceIndicators
                           where i.Id == indicatorId && i.WorkspaceId == workspaceId
                           join g in db.WorkspaceGoals on i.GoalId equals g.Id
                           select g).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (found is null) return GoalOutcome.NotFound;
        if (!await MayChangeAsync(viewer, found, cancellationToken)) return GoalOutcome.NotAllowed;
        await StoreAsync(indicatorId, period, endsOn, value, null, cancellationToken);
        await audit.RecordNowAsync("workspace.indicator-measured", "workspace:" + workspaceId, "indicator:" + indicatorId, cancellationToken: cancellationToken);
        return GoalOutcome.Done;
    }

    /// <summary>Stores a value (one per indicator and period); a report's values come through here too.</summary>
    internal async Task StoreAsync(int indicatorId, string period, DateOnly endsOn, decimal value, int? reportId, CancellationToken cancellationToken)
    {
        var measurement = await db.WorkspaceMeasurements.FirstOrDefaultAsync(m => m.IndicatorId == indicatorId && m.Period == period, cancellationToken);
        if (measurement is null)
        {
            measurement = new WorkspaceMeasurement { IndicatorId = indicatorId, Period = period };
            db.WorkspaceMeasurements.Add(measurement);
        }
        measurement.EndsOn = endsOn;
        measurement.Value = value;
        measurement.ReportId = reportId;
        measurement.RecordedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Someone recorded the same period at the same moment: this value replaces theirs.
            db.ChangeTracker.Clear();
            await db.WorkspaceMeasurements.Where(m => m.IndicatorId == indicatorId && m.Period == period).ExecuteUpdateAsync(m => m
                .SetProperty(x => x.Value, value).SetProperty(x => x.EndsOn, endsOn).SetProperty(x => x.ReportId, reportId)
                .SetProperty(x => x.RecordedAt, clock.GetUtcNow()), cancellationToken);
        }
    }

    private async Task<bool> MayChangeAsync(WorkspaceViewer viewer, WorkspaceGoal goal, CancellationToken cancellationToken)
    {
        if (viewer.CanLead) return true;
        if (!viewer.CanContribute || goal.SubProjectId is not { } s) return false;
        return await db.WorkspaceSubProjects.AnyAsync(x => x.Id == s && (x.LeadId == viewer.UserId
            || db.WorkspaceSubProjectMembers.Any(m => m.SubProjectId == s && m.UserId == viewer.UserId)), cancellationToken);
    }

    private async Task<int> LevelAsync(WorkspaceGoal goal, CancellationToken cancellationToken)
    {
        var level = 1;
        var parentId = goal.ParentId;
        while (parentId is { } p && level <= MaxLevel)
        {
            level++;
            parentId = await db.WorkspaceGoals.Where(g => g.Id == p).Select(g => g.ParentId).FirstOrDefaultAsync(cancellationToken);
        }
        return level;
    }
}
