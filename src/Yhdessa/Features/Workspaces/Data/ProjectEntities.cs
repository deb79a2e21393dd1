namespace Yhdessa.Features.Workspaces.Data;

/// <summary>A part of a multi-organisation project that one organisation carries out, with its lead and team.</summary>
public class WorkspaceSubProject
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The organisation that owns it, from the network's directory.</summary>
    public int OrganisationId { get; set; }
    /// <summary>A participant of the workspace; null when none is named yet or her account was deleted.</summary>
    public string? LeadId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public class WorkspaceSubProjectMember
{
    public int SubProjectId { get; set; }
    public string UserId { get; set; } = "";
}

public enum GoalStatus { NotStarted, OnTrack, AtRisk, Achieved }

/// <summary>A goal of the project's goal tree: the main goal (no parent), its sub-goals, and each sub-project's own
/// goals under a sub-goal (<see cref="SubProjectId"/> set).</summary>
public class WorkspaceGoal
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int? ParentId { get; set; }
    public int? SubProjectId { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public GoalStatus Status { get; set; }
    public int Position { get; set; }
}

/// <summary>How a goal is measured: a unit, where the work started from (baseline) and where it aims (target).</summary>
public class WorkspaceIndicator
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int GoalId { get; set; }
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public decimal? Baseline { get; set; }
    public decimal? Target { get; set; }
}

/// <summary>An indicator's measured value for one period, entered by hand or fed by a work-monitoring report.</summary>
public class WorkspaceMeasurement
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    /// <summary>The period's name, e.g. "Q1/2026"; one value per indicator and period.</summary>
    public string Period { get; set; } = "";
    /// <summary>The period's last day, which orders the values.</summary>
    public DateOnly EndsOn { get; set; }
    public decimal Value { get; set; }
    /// <summary>The report that gave the value; null when entered by hand.</summary>
    public int? ReportId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>One round of work monitoring (e.g. a quarter): a form on the survey engine that every sub-project fills once.</summary>
public class WorkspaceReportRound
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public string Period { get; set; } = "";
    public DateOnly EndsOn { get; set; }
    /// <summary>The last day to answer (Helsinki time); reminders go before it.</summary>
    public DateOnly DueOn { get; set; }
    /// <summary>The survey engine's form, owned by ("workspace-report", round id).</summary>
    public int SurveyId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A sub-project's report in one round. Unlike the engine's anonymous surveys it says who answered: a
/// project's reports are the sub-projects' accounts of their work.</summary>
public class WorkspaceReport
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int SubProjectId { get; set; }
    public Guid? ResponseId { get; set; }
    public string? AnsweredById { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary>When the reminder before the deadline was claimed and sent, once per report across instances.</summary>
    public DateTimeOffset? RemindedAt { get; set; }
}

/// <summary>Cost categories as a funder such as STEA asks them.</summary>
public enum CostCategory { Personnel, Services, Travel, Other }

/// <summary>A sub-project's budget for one period (normally a year), in euros per cost category. Two budgets of one
/// sub-project never overlap.</summary>
public class WorkspaceBudget
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int SubProjectId { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public decimal Personnel { get; set; }
    public decimal Services { get; set; }
    public decimal Travel { get; set; }
    public decimal Other { get; set; }
    public int Revision { get; set; }

    public decimal Amount(CostCategory category) => category switch
    {
        CostCategory.Personnel => Personnel,
        CostCategory.Services => Services,
        CostCategory.Travel => Travel,
        _ => Other,
    };

    public decimal Total => Personnel + Services + Travel + Other;
}

/// <summary>An actual cost of a sub-project in one month, entered by hand or imported from a spreadsheet.</summary>
public class WorkspaceCost
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public int SubProjectId { get; set; }
    /// <summary>The first day of the month the cost belongs to.</summary>
    public DateOnly Month { get; set; }
    public CostCategory Category { get; set; }
    public decimal Amount { get; set; }
    public string? Description { get; set; }
    public string? EnteredById { get; set; }
    public DateTimeOffset EnteredAt { get; set; }
    /// <summary>The import that brought it: one file's rows share it.</summary>
    public Guid? ImportId { get; set; }
}
