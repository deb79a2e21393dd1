using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Import;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;
using Yhdessa.Platform.Web;

namespace Yhdessa.Features.Workspaces.Project;

/// <summary>A cost file is a few hundred rows: 5 MB is far more than any.</summary>
public sealed class CostImportLimitAttribute : FileUploadLimitAttribute
{
    public const long MaxBytes = 5 * 1024 * 1024;
    protected override long MaxFileBytes(HttpContext http) => MaxBytes;
}

/// <summary><c>/workspaces/{slug}/finances/{subproject}</c>: a sub-project's budgets (set by the project's leads), its
/// actual costs entered one by one or imported from a CSV or XLSX file, and the template of that file.</summary>
[Authorize(Policy = Policies.SignedIn), CostImportLimit]
public class SubProjectFinancesModel(WorkspaceAccess access, Finances finances, SubProjects subProjects, IStringLocalizer<WorkspacesText> w)
    : WorkspacePage(access)
{
    [FromRoute] public int SubProjectId { get; set; }
    [FromQuery] public bool TooLarge { get; set; }
    [FromQuery] public int? Year { get; set; }
    public SubProjectRow SubProject { get; private set; } = null!;
    public List<WorkspaceBudget> Budgets { get; private set; } = [];
    public List<WorkspaceCost> Costs { get; private set; } = [];
    /// <summary>The years that have costs, and the one whose costs are listed (the latest unless another is asked).</summary>
    public List<int> CostYears => [.. Costs.Select(c => c.Month.Year).Distinct().Order()];
    public int ShownYear => Year is { } y && CostYears.Contains(y) ? y : CostYears.DefaultIfEmpty(DateTime.Today.Year).Last();
    public List<WorkspaceCost> ShownCosts => [.. Costs.Where(c => c.Month.Year == ShownYear)];
    public IReadOnlyList<ReportLine> ImportProblems { get; private set; } = [];
    public string? RefusedForm { get; private set; }
    public string Language => Languages.Current;
    public bool MayEnterCosts => SubProjects.CanWorkOn(Viewer, SubProject);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        if (TooLarge) ModelState.AddModelError("CostFile", w["CostFileTooLarge", FileSizes.Text(CostImportLimitAttribute.MaxBytes, CultureInfo.CurrentCulture)]);
        return Page();
    }

    /// <summary>The import template as CSV, headed in the reader's language, with one example row.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        var csv = SafeSpreadsheet.Csv([w["CostMonth"], w["CostCategory"], w["CostAmount"], w["CostDescription"]],
            [["1/" + DateTime.Today.Year, w["Cost_" + CostCategory.Travel], Money.Number(125.50m, Language == "en" ? "en" : "fi"), w["CostExample"]]]);
        return File(csv, "text/csv; charset=utf-8", "kulut.csv");
    }

    public string Typed(string form, string field, string? shown) =>
        RefusedForm == form ? Request.Form[form + "-" + field].ToString() : shown ?? "";

    public async Task<IActionResult> OnPostBudgetAsync(int? budget, int revision, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        if (!Viewer.CanLead) return Forbid();
        var form = budget is { } b ? $"budget-{b}" : "budget-new";
        var startsOn = Date(form, "StartsOn", w["BudgetStartsOn"]);
        var endsOn = Date(form, "EndsOn", w["BudgetEndsOn"]);
        var amounts = new Dictionary<CostCategory, decimal>();
        foreach (var category in Enum.GetValues<CostCategory>())
        {
            var typed = Field(form, category.ToString());
            if (typed is null) amounts[category] = 0;
            else if (Money.ParseAmount(typed) is { } amount) amounts[category] = amount;
            else Error(form, category.ToString(), w["BadAmount", w["Cost_" + category], typed]);
        }
        if (!ModelState.IsValid) return Again(form);
        var outcome = await finances.SaveBudgetAsync(Viewer, SubProject.Id, budget, startsOn!.Value, endsOn!.Value, amounts, revision, cancellationToken);
        switch (outcome)
        {
            case FinanceOutcome.Done:
                TempData["Notice"] = w[budget is null ? "BudgetAdded" : "BudgetSaved"].Value;
                return Redirect(Here);
            case FinanceOutcome.NotAllowed:
                return Forbid();
            case FinanceOutcome.NotFound:
                return NotFound();
            default:
                Error(form, outcome == FinanceOutcome.Stale ? "Personnel" : "EndsOn", w["Finance_" + outcome]);
                return Again(form);
        }
    }

    public async Task<IActionResult> OnPostCostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        if (!MayEnterCosts) return Forbid();
        const string form = "cost";
        var monthText = Field(form, "Month");
        DateOnly? month = DateOnly.TryParseExact(monthText, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m
            : Finances.ParseMonth(monthText);
        if (month is null) Error(form, "Month", w["CostMonthRequired"]);
        var category = finances.ParseCategory(Field(form, "Category"));
        if (category is null) Error(form, "Category", w["ChooseCostCategory"]);
        var amountText = Field(form, "Amount");
        var amount = Money.ParseAmount(amountText);
        if (amount is null) Error(form, "Amount", amountText is null ? w["CostAmountRequired"] : w["BadAmount", w["CostAmount"], amountText]);
        var description = Field(form, "Description");
        if (description?.Length > WorkspaceLimits.Action) Error(form, "Description", w["TooLong", w["CostDescription"], WorkspaceLimits.Action]);
        if (!ModelState.IsValid) return Again(form);
        await finances.AddCostAsync(Viewer, SubProject, month!.Value, category!.Value, amount!.Value, description, cancellationToken);
        TempData["Notice"] = w["CostAdded"].Value;
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostRemoveCostAsync(int cost, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        var outcome = await finances.RemoveCostAsync(Viewer, SubProject, cost, cancellationToken);
        if (outcome == FinanceOutcome.NotAllowed) return Forbid();
        if (outcome == FinanceOutcome.NotFound) return NotFound();
        TempData["Notice"] = w["CostRemoved"].Value;
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? costFile, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        if (!MayEnterCosts) return Forbid();
        if (costFile is null || costFile.Length == 0)
        {
            ModelState.AddModelError("CostFile", w["CostFileRequired"]);
            return Refused();
        }
        await using var content = costFile.OpenReadStream();
        var (imported, problems) = await finances.ImportAsync(Viewer, SubProject, content, cancellationToken);
        if (problems.Count > 0)
        {
            ImportProblems = problems;
            ModelState.AddModelError("CostFile", w["ImportRefused", problems.Count]);
            return Refused();
        }
        TempData["Notice"] = w["CostsImported", imported].Value;
        return Redirect(Here);
    }

    private string Here => $"/workspaces/{Workspace.Slug}/finances/{SubProject.Id}";

    private string? Field(string form, string field) => Request.Form[form + "-" + field].ToString().Trim() is { Length: > 0 } v ? v : null;

    private void Error(string form, string field, string message) => ModelState.AddModelError(form + "-" + field, message);

    private DateOnly? Date(string form, string field, string label)
    {
        var typed = Field(form, field);
        if (DateOnly.TryParseExact(typed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        Error(form, field, w["DateRequired", label]);
        return null;
    }

    private IActionResult Again(string form)
    {
        RefusedForm = form;
        return Refused();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed) return closed;
        if (Workspace.Method != WorkspaceMethod.Project) return NotFound();
        if ((await subProjects.ListAsync(Workspace.Id, cancellationToken)).FirstOrDefault(s => s.Id == SubProjectId) is not { } sub) return NotFound();
        SubProject = sub;
        Budgets = await finances.BudgetsAsync(Workspace.Id, sub.Id, cancellationToken);
        Costs = await finances.CostsAsync(Workspace.Id, sub.Id, cancellationToken);
        return null;
    }

    public string Euros(decimal amount) => Money.Format(amount, Language);
}
