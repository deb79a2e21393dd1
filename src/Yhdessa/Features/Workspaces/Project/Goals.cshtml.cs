using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Workspaces.Project;

/// <summary>
/// <c>/workspaces/{slug}/goals</c>: the project's goal tree as nested lists — one outline that reads the same on a phone,
/// on a screen reader and on paper (<c>?print=1</c> leaves the forms out) — with its indicators and their values, and the
/// workbook (<c>?handler=Xlsx</c>). Each form on the page has its own prefix, so that a refused form comes back open with
/// what was typed and its errors linked from the summary.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public class GoalsModel(WorkspaceAccess access, Goals goals, SubProjects subProjects, ProjectSheets sheets, IStringLocalizer<WorkspacesText> w)
    : WorkspacePage(access)
{
    [FromQuery(Name = "print")] public string? PrintAsked { get; set; }
    /// <summary>The printable outline: no menus, no forms.</summary>
    public bool Print => PrintAsked is "1" or "true";
    public List<GoalNode> Tree { get; private set; } = [];
    public List<SubProjectRow> SubProjects { get; private set; } = [];
    /// <summary>The form that was refused, whose typed values are shown again.</summary>
    public string? RefusedForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        return File(sheets.GoalTree(Workspace, Tree), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{Workspace.Slug}-tavoitepuu.xlsx");
    }

    public string Typed(string form, string field, string? shown) =>
        RefusedForm == form ? Request.Form[form + "-" + field].ToString() : shown ?? "";

    /// <summary>Adds a goal (under <c>parent</c>, or a main goal) or changes one (<c>goal</c>).</summary>
    public async Task<IActionResult> OnPostGoalAsync(int? goal, int? parent, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        // Only a lead adds goals; a sub-project's people may change their own goal's status (checked by the service).
        if (goal is null && !Viewer.CanLead || !Viewer.CanContribute) return Forbid();
        var form = goal is { } g ? $"goal-{g}" : parent is { } p ? $"goal-under-{p}" : "goal-new";
        var title = Field(form, "Title");
        var description = Field(form, "Description");
        int? subProject = int.TryParse(Field(form, "SubProject"), out var s) ? s : null;
        if (string.IsNullOrEmpty(title)) Error(form, "Title", w["GoalTitleRequired"]);
        else if (title.Length > WorkspaceLimits.Title) Error(form, "Title", w["TooLong", w["Goal"], WorkspaceLimits.Title]);
        if (description?.Length > WorkspaceLimits.Decision) Error(form, "Description", w["TooLong", w["GoalDescription"], WorkspaceLimits.Decision]);
        if (!Enum.TryParse<GoalStatus>(Field(form, "Status"), out var status) || !Enum.IsDefined(status)) Error(form, "Status", w["ChooseGoalStatus"]);
        if (!ModelState.IsValid) return Again(form);
        var outcome = await goals.SaveAsync(Viewer, goal, parent, subProject, title!, string.IsNullOrEmpty(description) ? null : description, status, cancellationToken);
        return Answer(outcome, form, "SubProject", goal is null ? "GoalAdded" : "GoalSaved");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int goal, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        return Answer(await goals.RemoveAsync(Viewer, goal, cancellationToken), $"goal-{goal}", "Title", "GoalRemoved");
    }

    public async Task<IActionResult> OnPostIndicatorAsync(int goal, int? indicator, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        if (!Viewer.CanLead) return Forbid();
        var form = indicator is { } i ? $"ind-{i}" : $"ind-new-{goal}";
        var name = Field(form, "Name");
        var unit = Field(form, "Unit");
        if (string.IsNullOrEmpty(name)) Error(form, "Name", w["IndicatorNameRequired"]);
        else if (name.Length > WorkspaceLimits.Title) Error(form, "Name", w["TooLong", w["Indicator"], WorkspaceLimits.Title]);
        if (string.IsNullOrEmpty(unit)) Error(form, "Unit", w["IndicatorUnitRequired"]);
        else if (unit.Length > ProjectLimits.Unit) Error(form, "Unit", w["TooLong", w["IndicatorUnit"], ProjectLimits.Unit]);
        var baseline = Number(form, "Baseline", w["Baseline"]);
        var target = Number(form, "Target", w["Target"]);
        if (!ModelState.IsValid) return Again(form);
        var outcome = await goals.SaveIndicatorAsync(Viewer, goal, indicator, name!, unit!, baseline, target, cancellationToken);
        return Answer(outcome, form, "Name", indicator is null ? "IndicatorAdded" : "IndicatorSaved");
    }

    public async Task<IActionResult> OnPostValueAsync(int indicator, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        if (!Viewer.CanContribute) return Forbid();
        var form = $"val-{indicator}";
        var period = Field(form, "Period");
        if (string.IsNullOrEmpty(period)) Error(form, "Period", w["PeriodRequired"]);
        else if (period.Length > ProjectLimits.Period) Error(form, "Period", w["TooLong", w["Period"], ProjectLimits.Period]);
        var endsOn = DateOnly.TryParse(Field(form, "EndsOn"), System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : (DateOnly?)null;
        if (endsOn is null) Error(form, "EndsOn", w["PeriodEndsOnRequired"]);
        var value = Number(form, "Value", w["Value"]);
        if (value is null && ModelState.IsValid) Error(form, "Value", w["ValueRequired"]);
        if (!ModelState.IsValid) return Again(form);
        var outcome = await goals.RecordAsync(Viewer, indicator, period!, endsOn!.Value, value!.Value, cancellationToken);
        return Answer(outcome, form, "Value", "ValueRecorded");
    }

    private string? Field(string form, string field) => Request.Form[form + "-" + field].ToString().Trim() is { Length: > 0 } v ? v : null;

    private void Error(string form, string field, string message) => ModelState.AddModelError(form + "-" + field, message);

    private decimal? Number(string form, string field, string label)
    {
        var typed = Field(form, field);
        if (typed is null) return null;
        var value = Money.ParseValue(typed);
        if (value is null) Error(form, field, w["NotANumber", label, typed]);
        return value;
    }

    private IActionResult Again(string form)
    {
        RefusedForm = form;
        return Refused();
    }

    private IActionResult Answer(GoalOutcome outcome, string form, string field, string done)
    {
        switch (outcome)
        {
            case GoalOutcome.Done:
                TempData["Notice"] = w[done].Value;
                return Redirect($"/workspaces/{Workspace.Slug}/goals");
            case GoalOutcome.NotAllowed:
                return Forbid();
            case GoalOutcome.NotFound or GoalOutcome.ParentNotFound:
                return NotFound();
            default:
                Error(form, field, w["Goal_" + outcome]);
                return Again(form);
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed) return closed;
        if (Workspace.Method != WorkspaceMethod.Project) return NotFound();
        Tree = await goals.TreeAsync(Workspace.Id, cancellationToken);
        SubProjects = await subProjects.ListAsync(Workspace.Id, cancellationToken);
        return null;
    }

    /// <summary>Whether the viewer keeps a goal's status and values: the project's leads, and a sub-project's people its own goals.</summary>
    public bool MayMeasure(GoalNode node) =>
        Viewer.CanLead || node.Goal.SubProjectId is { } s && SubProjects.FirstOrDefault(x => x.Id == s) is { } sub && Project.SubProjects.CanWorkOn(Viewer, sub);

    public string Day(DateOnly day) => HelsinkiTime.Day(day);
}
