using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Import;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Workspaces.Project;

/// <summary>Budget, actual costs and what remains of one cost category (or of all, <see cref="Category"/> null).</summary>
public sealed record MoneyLine(CostCategory? Category, decimal Budget, decimal Actual)
{
    public decimal Remaining => Budget - Actual;
    /// <summary>How much of the budget is used, in per cent; null without a budget.</summary>
    public decimal? Used => Budget > 0 ? Math.Round(Actual / Budget * 100, 0) : null;
}

public sealed record SubProjectMoney(SubProjectRow SubProject, List<MoneyLine> Lines)
{
    public MoneyLine Total => new(null, Lines.Sum(l => l.Budget), Lines.Sum(l => l.Actual));
}

/// <summary>The year's budget against actual costs, per sub-project and for the whole project.</summary>
public sealed record FinanceSummary(int Year, List<int> Years, List<SubProjectMoney> SubProjects)
{
    public List<MoneyLine> Lines => [.. Enum.GetValues<CostCategory>().Select(c => new MoneyLine(c,
        SubProjects.Sum(s => s.Lines.First(l => l.Category == c).Budget), SubProjects.Sum(s => s.Lines.First(l => l.Category == c).Actual)))];
    public MoneyLine Total => new(null, SubProjects.Sum(s => s.Total.Budget), SubProjects.Sum(s => s.Total.Actual));
}

public enum FinanceOutcome { Done, NotAllowed, NotFound, EndBeforeStart, Overlaps, Stale, TooLong }

/// <summary>
/// A project's money: each sub-project's budget per period (normally a calendar year) in the funder's cost categories,
/// its actual costs per month, entered one by one or imported from a CSV or XLSX file (all rows or none, every bad row
/// named), and the budget against the actual costs with what remains. Amounts are decimals in euros, never negative.
/// The project's leads set budgets; a sub-project's people enter its costs.
/// </summary>
public sealed class Finances(YhdessaDb db, AuditLog audit, ImportReport importReport, IStringLocalizer<WorkspacesText> text, TimeProvider clock)
{
    public Task<List<WorkspaceBudget>> BudgetsAsync(int workspaceId, int subProjectId, CancellationToken cancellationToken) =>
        db.WorkspaceBudgets.AsNoTracking().Where(b => b.WorkspaceId == workspaceId && b.SubProjectId == subProjectId).OrderBy(b => b.StartsOn)
            .ToListAsync(cancellationToken);

    /// <summary>The costs of one sub-project, or of the whole project (<paramref name="subProjectId"/> null), latest month first.</summary>
    public async Task<List<WorkspaceCost>> CostsAsync(int workspaceId, int? subProjectId, CancellationToken cancellationToken) =>
        [.. (await db.WorkspaceCosts.AsNoTracking().Where(c => c.WorkspaceId == workspaceId && (subProjectId == null || c.SubProjectId == subProjectId))
            .ToListAsync(cancellationToken)).OrderByDescending(c => c.Month).ThenBy(c => c.Category).ThenBy(c => c.Id)];

    /// <summary>Adds a budget (<paramref name="id"/> null) or changes one. Two budgets of one sub-project may not overlap;
    /// a change sent after someone else's (an older <paramref name="revision"/>) is refused.</summary>
    public async Task<FinanceOutcome> SaveBudgetAsync(WorkspaceViewer viewer, int subProjectId, int? id, DateOnly startsOn, DateOnly endsOn,
        IReadOnlyDictionary<CostCategory, decimal> amounts, int revision, CancellationToken cancellationToken)
    {
        if (!viewer.CanLead) return FinanceOutcome.NotAllowed;
        var workspaceId = viewer.Workspace.Id;
        if (!await db.WorkspaceSubProjects.AnyAsync(s => s.Id == subProjectId && s.WorkspaceId == workspaceId, cancellationToken)) return FinanceOutcome.NotFound;
        if (endsOn < startsOn) return FinanceOutcome.EndBeforeStart;
        if (endsOn > startsOn.AddYears(2)) return FinanceOutcome.TooLong;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The sub-project's row is taken first, so that two budgets saved at once cannot both pass the overlap check.
        await db.WorkspaceSubProjects.Where(s => s.Id == subProjectId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, x => x.Name), cancellationToken);
        if (await db.WorkspaceBudgets.AnyAsync(b => b.SubProjectId == subProjectId && b.Id != id && b.StartsOn <= endsOn && startsOn <= b.EndsOn, cancellationToken))
            return FinanceOutcome.Overlaps;
        WorkspaceBudget budget;
        if (id is { } existing)
        {
            var found = await db.WorkspaceBudgets.FirstOrDefaultAsync(b => b.Id == existing && b.SubProjectId == subProjectId && b.WorkspaceId == workspaceId, cancellationToken);
            if (found is null) return FinanceOutcome.NotFound;
            if (found.Revision != revision) return FinanceOutcome.Stale;
            budget = found;
            budget.Revision++;
        }
        else
        {
            budget = new WorkspaceBudget { WorkspaceId = workspaceId, SubProjectId = subProjectId };
            db.WorkspaceBudgets.Add(budget);
        }
        budget.StartsOn = startsOn;
        budget.EndsOn = endsOn;
        budget.Personnel = amounts.GetValueOrDefault(CostCategory.Personnel);
        budget.Services = amounts.GetValueOrDefault(CostCategory.Services);
        budget.Travel = amounts.GetValueOrDefault(CostCategory.Travel);
        budget.Other = amounts.GetValueOrDefault(CostCategory.Other);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return FinanceOutcome.Stale;
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return FinanceOutcome.Overlaps;
        }
        await audit.RecordNowAsync(id is null ? "workspace.budget-added" : "workspace.budget-changed", "workspace:" + workspaceId, "budget:" + budget.Id,
            cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return FinanceOutcome.Done;
    }

    public async Task<FinanceOutcome> AddCostAsync(WorkspaceViewer viewer, SubProjectRow subProject, DateOnly month, CostCategory category, decimal amount,
        string? description, CancellationToken cancellationToken)
    {
        if (!SubProjects.CanWorkOn(viewer, subProject)) return FinanceOutcome.NotAllowed;
        var cost = new WorkspaceCost
        {
            WorkspaceId = viewer.Workspace.Id, SubProjectId = subProject.Id, Month = new DateOnly(month.Year, month.Month, 1), Category = category,
            Amount = amount, Description = description, EnteredById = viewer.UserId, EnteredAt = clock.GetUtcNow(),
        };
        db.WorkspaceCosts.Add(cost);
        audit.Record("workspace.cost-added", "workspace:" + viewer.Workspace.Id, "subproject:" + subProject.Id);
        await db.SaveChangesAsync(cancellationToken);
        return FinanceOutcome.Done;
    }

    public async Task<FinanceOutcome> RemoveCostAsync(WorkspaceViewer viewer, SubProjectRow subProject, int costId, CancellationToken cancellationToken)
    {
        if (!SubProjects.CanWorkOn(viewer, subProject)) return FinanceOutcome.NotAllowed;
        var removed = await db.WorkspaceCosts.Where(c => c.Id == costId && c.SubProjectId == subProject.Id && c.WorkspaceId == viewer.Workspace.Id)
            .ExecuteDeleteAsync(cancellationToken);
        if (removed == 0) return FinanceOutcome.NotFound;
        await audit.RecordNowAsync("workspace.cost-removed", "workspace:" + viewer.Workspace.Id, "cost:" + costId, cancellationToken: cancellationToken);
        return FinanceOutcome.Done;
    }

    /// <summary>
    /// Imports a sub-project's actual costs from a CSV or XLSX file with the columns month, cost category, amount and
    /// (optionally) description, headed in any of the three languages. Either every row is taken or none: the problems
    /// name each bad row. Returns the number of costs imported, or the problems.
    /// </summary>
    public async Task<(int Imported, IReadOnlyList<ReportLine> Problems)> ImportAsync(WorkspaceViewer viewer, SubProjectRow subProject, Stream content,
        CancellationToken cancellationToken)
    {
        if (!SubProjects.CanWorkOn(viewer, subProject)) return (0, [new ReportLine("", text["NotAllowed"])]);
        using var buffered = new MemoryStream();
        await content.CopyToAsync(buffered, cancellationToken);
        buffered.Position = 0;
        using var reader = SheetReader.Open(buffered);
        var problems = new List<ReportLine>();
        var columns = CostColumns.Find(reader.Header);
        foreach (var missing in columns.Missing) problems.Add(new ReportLine(text["ImportWhereFile"], text["ImportMissingColumn", text[missing]]));
        var importId = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var costs = new List<WorkspaceCost>();
        var rows = 0;
        if (columns.Missing.Count == 0)
            foreach (var row in reader.Rows())
            {
                if (row.IsEmpty) continue;
                if (++rows > ProjectLimits.CostRows)
                {
                    problems.Add(new ReportLine(text["ImportWhereFile"], text["ImportTooManyRows", ProjectLimits.CostRows]));
                    break;
                }
                var where = text["ImportWhereRow", row.Number].Value;
                string? Cell(int index) => index >= 0 && index < row.Cells.Length ? row.Cells[index]?.Trim() : null;
                var month = ParseMonth(Cell(columns.Month));
                var category = ParseCategory(Cell(columns.Category));
                var amount = Money.ParseAmount(Cell(columns.Amount));
                var description = Cell(columns.Description);
                if (month is null) problems.Add(new ReportLine(where, text["ImportBadMonth", Cell(columns.Month) ?? ""]));
                if (category is null) problems.Add(new ReportLine(where, text["ImportBadCategory", Cell(columns.Category) ?? "", CategoryNames()]));
                if (amount is null) problems.Add(new ReportLine(where, text["ImportBadAmount", Cell(columns.Amount) ?? ""]));
                if (description?.Length > WorkspaceLimits.Action) problems.Add(new ReportLine(where, text["TooLong", text["CostDescription"], WorkspaceLimits.Action]));
                if (month is { } m && category is { } c && amount is { } a)
                    costs.Add(new WorkspaceCost
                    {
                        WorkspaceId = viewer.Workspace.Id, SubProjectId = subProject.Id, Month = m, Category = c, Amount = a,
                        Description = string.IsNullOrEmpty(description) ? null : description, EnteredById = viewer.UserId, EnteredAt = now, ImportId = importId,
                    });
            }
        // The reader's own findings (not UTF-8, formulas, merged cells, another sheet) come in the monitoring import's words.
        problems.InsertRange(0, importReport.Lines(reader.Problems));
        if (problems.Count == 0 && costs.Count == 0) problems.Add(new ReportLine(text["ImportWhereFile"], text["ImportNoRows"]));
        if (problems.Count > 0) return (0, problems);
        db.WorkspaceCosts.AddRange(costs);
        audit.Record("workspace.costs-imported", "workspace:" + viewer.Workspace.Id, $"subproject:{subProject.Id} rows:{costs.Count}");
        await db.SaveChangesAsync(cancellationToken);
        return (costs.Count, []);
    }

    /// <summary>A month as written in a spreadsheet: "3/2026", "03/2026", "3.2026", "2026-03", or a day of it ("15.3.2026", "2026-03-15").</summary>
    public static DateOnly? ParseMonth(string? text)
    {
        var value = (text ?? "").Trim();
        string[] monthFormats = ["M/yyyy", "MM/yyyy", "M.yyyy", "MM.yyyy", "yyyy-MM", "yyyy-M"];
        if (DateOnly.TryParseExact(value, monthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)) return month;
        if (DateOnly.TryParseExact(value, ["d.M.yyyy", "yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateOnly(day.Year, day.Month, 1);
        // An XLSX date cell arrives as the reader writes dates.
        return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && value.Length >= 8
            ? new DateOnly(date.Year, date.Month, 1) : null;
    }

    /// <summary>A category by its name in any language or its English code, as the template and the page name them.</summary>
    public CostCategory? ParseCategory(string? value)
    {
        var given = (value ?? "").Trim();
        foreach (var category in Enum.GetValues<CostCategory>())
        {
            if (string.Equals(given, category.ToString(), StringComparison.OrdinalIgnoreCase)) return category;
            foreach (var language in Languages.All)
                using (Languages.Use(language))
                    if (string.Equals(given, text["Cost_" + category].Value, StringComparison.CurrentCultureIgnoreCase)) return category;
        }
        return null;
    }

    private string CategoryNames() => string.Join(", ", Enum.GetValues<CostCategory>().Select(c => text["Cost_" + c].Value));

    /// <summary>The budget of a year (budgets starting in it) against the costs of its months, per sub-project and in all.</summary>
    public async Task<FinanceSummary> SummaryAsync(int workspaceId, int? year, IReadOnlyList<SubProjectRow> subProjects, CancellationToken cancellationToken)
    {
        var budgets = await db.WorkspaceBudgets.AsNoTracking().Where(b => b.WorkspaceId == workspaceId).ToListAsync(cancellationToken);
        // Summed here: SQLite keeps decimals as text and cannot add them up.
        var costs = await db.WorkspaceCosts.AsNoTracking().Where(c => c.WorkspaceId == workspaceId)
            .Select(c => new { c.SubProjectId, c.Month, c.Category, c.Amount }).ToListAsync(cancellationToken);
        var years = budgets.Select(b => b.StartsOn.Year).Concat(costs.Select(c => c.Month.Year)).Distinct().Order().ToList();
        var shown = year ?? (years.Contains(Today().Year) ? Today().Year : years.DefaultIfEmpty(Today().Year).Last());
        var rows = subProjects.Select(s => new SubProjectMoney(s, [.. Enum.GetValues<CostCategory>().Select(c => new MoneyLine(c,
            budgets.Where(b => b.SubProjectId == s.Id && b.StartsOn.Year == shown).Sum(b => b.Amount(c)),
            costs.Where(x => x.SubProjectId == s.Id && x.Month.Year == shown && x.Category == c).Sum(x => x.Amount)))])).ToList();
        return new FinanceSummary(shown, years, rows);
    }

    private DateOnly Today() => DateOnly.FromDateTime(HelsinkiTime.ToHelsinki(clock.GetUtcNow()).DateTime);
}

/// <summary>Where the columns of a cost import are, by their headings in any of the three languages.</summary>
public sealed record CostColumns(int Month, int Category, int Amount, int Description, List<string> Missing)
{
    private static readonly string[] MonthNames = ["kuukausi", "kausi", "månad", "month"];
    private static readonly string[] CategoryNames = ["kululaji", "kustannuslaji", "kostnadsslag", "category", "cost category"];
    private static readonly string[] AmountNames = ["summa", "määrä", "euroa", "belopp", "amount", "euros"];
    private static readonly string[] DescriptionNames = ["selite", "kuvaus", "beskrivning", "förklaring", "description"];

    public static CostColumns Find(IReadOnlyList<string> header)
    {
        int Of(string[] names) => header.Select((h, i) => (h, i)).Where(x => names.Contains(x.h.Trim().TrimEnd('*', ' ').ToLowerInvariant()))
            .Select(x => x.i).DefaultIfEmpty(-1).First();
        var columns = new CostColumns(Of(MonthNames), Of(CategoryNames), Of(AmountNames), Of(DescriptionNames), []);
        if (columns.Month < 0) columns.Missing.Add("CostMonth");
        if (columns.Category < 0) columns.Missing.Add("CostCategory");
        if (columns.Amount < 0) columns.Missing.Add("CostAmount");
        return columns;
    }
}
