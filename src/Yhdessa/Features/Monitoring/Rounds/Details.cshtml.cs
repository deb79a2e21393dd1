using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Rules;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Monitoring.Rounds;

/// <summary>
/// <c>/monitoring/rounds/{id}</c>: a round's completeness — the reporting rate, each unit's status and who is
/// late — and the coordinator's decisions: accept a unit's report, return it with a comment (the reporters are
/// emailed), close the round (its data is locked) or reopen it with a reason (audited).
/// </summary>
[Authorize(Policy = MonitoringPolicies.Manage)]
public class DetailsModel(YhdessaDb db, RoundWorkflow workflow, TimeProvider clock, IStringLocalizer<MonitoringText> text) : PageModel
{
    public sealed record Row(ReportingUnit Unit, RoundUnit Status, bool Late);

    public CollectionRound Round { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Reported => Rows.Count(r => RoundFlow.IsReported(r.Status.Status));
    public int Late => Rows.Count(r => r.Late);
    /// <summary>The reporting rate in whole per cent, as DHIS2 shows it.</summary>
    public int Rate => Rows.Count == 0 ? 0 : (int)Math.Round(100.0 * Reported / Rows.Count);

    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? Reason { get; set; }

    /// <summary>A post without a handler is no action of this page; without this Razor Pages would render the page
    /// for it without loading anything.</summary>
    public IActionResult OnPost() => NotFound();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAcceptAsync(int id, int unitId, CancellationToken cancellationToken) =>
        DecideAsync(id, unitId, RoundStatus.Accepted, cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(int id, int unitId, CancellationToken cancellationToken) =>
        DecideAsync(id, unitId, RoundStatus.Returned, cancellationToken);

    private async Task<IActionResult> DecideAsync(int id, int unitId, RoundStatus to, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var row = Rows.FirstOrDefault(r => r.Unit.Id == unitId);
        if (row is null) return NotFound();
        var comment = TextRules.Clean(Comment);
        var errors = new List<RuleError>();
        if (to == RoundStatus.Returned && comment.Length == 0) errors.Add(new RuleError($"Comment-{unitId}", RuleCodes.Required));
        TextRules.Check($"Comment-{unitId}", comment, MonitoringLimits.Comment, errors);
        ModelState.AddRuleErrors(text, errors, prefix: "");
        if (!ModelState.IsValid) return Page();
        var tracked = await db.RoundUnits.SingleAsync(r => r.RoundId == id && r.UnitId == unitId, cancellationToken);
        if (!await workflow.DecideAsync(Round, tracked, row.Unit, to, comment.Length == 0 ? null : comment, cancellationToken))
        {
            ModelState.AddModelError("", text[Round.Closed ? "RoundIsClosed" : "StatusChangeNotAllowed"]);
            return Page();
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = text[to == RoundStatus.Accepted ? "ReportAccepted" : "ReportReturned", row.Unit.Name].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var round = await db.CollectionRounds.SingleAsync(r => r.Id == id, cancellationToken);
        if (!round.Closed)
        {
            workflow.Close(round);
            await db.SaveChangesAsync(cancellationToken);
        }
        TempData["Notice"] = text["RoundClosedNotice"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReopenAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var reason = TextRules.Clean(Reason);
        var errors = new List<RuleError>();
        if (reason.Length == 0) errors.Add(new RuleError(nameof(Reason), RuleCodes.Required));
        TextRules.Check(nameof(Reason), reason, MonitoringLimits.Comment, errors);
        ModelState.AddRuleErrors(text, errors, prefix: "");
        if (!ModelState.IsValid) return Page();
        var round = await db.CollectionRounds.SingleAsync(r => r.Id == id, cancellationToken);
        if (round.Closed)
        {
            workflow.Reopen(round, reason);
            await db.SaveChangesAsync(cancellationToken);
        }
        TempData["Notice"] = text["RoundReopenedNotice"].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var round = await db.CollectionRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null) return false;
        Round = round;
        var today = MonitoringDisplay.Today(clock);
        var rows = await (from ru in db.RoundUnits
                          join u in db.ReportingUnits on ru.UnitId equals u.Id
                          where ru.RoundId == id
                          orderby u.Name
                          select new { u, ru }).AsNoTracking().ToListAsync(cancellationToken);
        // Late: the deadline has passed and the report is not with the coordinator.
        Rows = rows.Select(x => new Row(x.u, x.ru, RoundFlow.IsLate(round, x.ru.Status, today))).ToList();
        return true;
    }
}
