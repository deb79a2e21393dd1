using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Workspaces.Project;

/// <summary><c>/workspaces/{slug}/finances</c>: a year's budget against actual costs, per sub-project and for the whole
/// project, and the funder's workbook of it (<c>?handler=Xlsx</c>).</summary>
[Authorize(Policy = Policies.SignedIn)]
public class FinancesModel(WorkspaceAccess access, Finances finances, SubProjects subProjects, ProjectSheets sheets) : WorkspacePage(access)
{
    [FromQuery] public int? Year { get; set; }
    public FinanceSummary Summary { get; private set; } = null!;
    public string Language => Languages.Current;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        var all = await finances.CostsAsync(Workspace.Id, null, cancellationToken);
        var costs = Summary.SubProjects.Select(row => (row.SubProject, all.Where(c => c.SubProjectId == row.SubProject.Id).ToList())).ToList();
        return File(sheets.FunderReport(Workspace, Summary, costs), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"{Workspace.Slug}-talous-{Summary.Year}.xlsx");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is { } closed) return closed;
        if (Workspace.Method != WorkspaceMethod.Project) return NotFound();
        if (Year is < 2000 or > 2100) Year = null;
        var rows = await subProjects.ListAsync(Workspace.Id, cancellationToken);
        Summary = await finances.SummaryAsync(Workspace.Id, Year, rows, cancellationToken);
        return null;
    }

    public string Euros(decimal amount) => Money.Format(amount, Language);
}
