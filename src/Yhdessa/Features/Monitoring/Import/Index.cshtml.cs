using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Access;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Monitoring.Import;

/// <summary>
/// <c>/monitoring/import</c>: a reporter of a unit (or a coordinator) chooses a round, a unit and a file; the whole
/// file is checked and either saved at once or answered with the error report, nothing saved. Also serves the
/// templates and the report as CSV.
/// </summary>
[Authorize(Policy = MonitoringPolicies.MicroData)]
[ImportUploadLimit]
public class IndexModel(MonitoringAccess access, MonitoringImporter importer, ImportReport report, IStringLocalizer<ImportText> t,
    IStringLocalizer<MonitoringText> names) : PageModel
{
    public const string Accept = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The form's choices; the file comes as its own parameter. Checked by hand, since the messages name
    /// rounds and units in the import's own texts.</summary>
    public sealed class ImportInput
    {
        public int? RoundId { get; set; }
        public int? UnitId { get; set; }
    }

    public sealed record Choice(int Id, string Name);

    [BindProperty] public ImportInput Input { get; set; } = new();

    public IReadOnlyList<Choice> Rounds { get; private set; } = [];
    public IReadOnlyList<Choice> Units { get; private set; } = [];
    public ImportOutcome? Outcome { get; private set; }
    public IReadOnlyList<ReportLine> Report { get; private set; } = [];
    public string? CarriedReport { get; private set; }
    private HashSet<int> closedRounds = [];

    public async Task<IActionResult> OnGetAsync(int? round, int? unit, bool toolarge, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        Input.RoundId = round ?? (Rounds.Count == 1 ? Rounds[0].Id : null);
        Input.UnitId = unit ?? (Units.Count == 1 ? Units[0].Id : null);
        // The upload filter turned back a request bigger than the limit before reading it.
        if (toolarge) ModelState.AddModelError("file", TooLarge());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        if (Input.RoundId is not { } r || Rounds.All(c => c.Id != r))
            ModelState.AddModelError("Input.RoundId", Input.RoundId is { } id && closedRounds.Contains(id) ? t["RoundClosed"] : t["ChooseRound"]);
        if (Input.UnitId is not { } u || Units.All(c => c.Id != u)) ModelState.AddModelError("Input.UnitId", t["ChooseUnit"]);
        if (file is null || file.Length == 0) ModelState.AddModelError("file", t["ChooseFile"]);
        else if (file.Length > SheetReader.MaxFileBytes) ModelState.AddModelError("file", TooLarge());
        if (!ModelState.IsValid) return Page();

        await using var content = file!.OpenReadStream();
        Outcome = await importer.ImportAsync(content, Input.RoundId!.Value, Input.UnitId!.Value,
            User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        if (Outcome.Saved)
        {
            var saved = t[Outcome.Kind == ImportKind.Stays ? "SavedStays" : "SavedCounts", Outcome.Added, Outcome.Updated, Outcome.Unchanged].Value;
            // Empty rows are harmless, but a reporter who expected data there should know they were passed over.
            TempData["Notice"] = Outcome.EmptyRows > 0 ? saved + " " + t["EmptyRowsSkipped", Outcome.EmptyRows] : saved;
            return RedirectToPage(new { round = Input.RoundId, unit = Input.UnitId });
        }
        Report = report.Lines(Outcome.Problems);
        CarriedReport = report.Protect(Report);
        return Page();
    }

    /// <summary>The error report of the import just shown, as CSV, from the protected copy the page carries.</summary>
    public IActionResult OnPostReport(string? carried)
    {
        return report.Unprotect(carried) is { } lines
            ? File(report.Csv(lines), "text/csv; charset=utf-8", "import-report.csv")
            : BadRequest();
    }

    /// <summary>An empty template in the reader's language: <c>?handler=template&amp;kind=stays&amp;format=xlsx</c>.</summary>
    public IActionResult OnGetTemplate(ImportKind kind, string? format)
    {
        var language = Languages.Current;
        return format == "csv"
            ? File(ImportTemplates.Csv(kind, language), "text/csv; charset=utf-8", ImportTemplates.FileName(kind, language, "csv"))
            : File(ImportTemplates.Xlsx(kind, language, t, names), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ImportTemplates.FileName(kind, language, "xlsx"));
    }

    private string TooLarge() => t["FileTooLarge", SheetReader.MaxFileBytes / 1024 / 1024];

    /// <summary>A coordinator may import for any unit; a reporter for the units they report for. Rounds are the open
    /// ones those units take part in.</summary>
    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Units = await access.Units.AsNoTracking().OrderBy(u => u.Name).Select(u => new Choice(u.Id, u.Name)).ToListAsync(cancellationToken);
        var rounds = await access.Rounds.AsNoTracking()
            .Where(r => access.RoundUnits.Any(ru => ru.RoundId == r.Id))
            .OrderByDescending(r => r.Start).Select(r => new { r.Id, r.Name, r.Closed }).ToListAsync(cancellationToken);
        Rounds = [.. rounds.Where(r => !r.Closed).Select(r => new Choice(r.Id, r.Name))];
        closedRounds = [.. rounds.Where(r => r.Closed).Select(r => r.Id)];
    }
}
