using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Monitoring.Units;

/// <summary><c>/monitoring/units/{id}/reporters</c>: a coordinator links a reporter to a unit by the email of an
/// existing account (which gets the Reporter role) and unlinks one. Reporters' names and addresses are staff
/// contact details, so only coordinators see this page.</summary>
[Authorize(Policy = MonitoringPolicies.Manage)]
public class ReportersModel(YhdessaDb db, UserManager<User> users, AuditLog audit, TimeProvider clock,
    IStringLocalizer<MonitoringText> text) : PageModel
{
    public sealed record Reporter(string UserId, string Name, string Email);

    public ReportingUnit Unit { get; private set; } = null!;
    public IReadOnlyList<Reporter> Reporters { get; private set; } = [];

    [BindProperty] public string? ReporterEmail { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var email = InputRules.CleanEmail(ReporterEmail ?? "");
        var user = InputRules.IsValidEmail(email) ? await users.FindByEmailAsync(email) : null;
        if (user is null)
        {
            ModelState.AddModelError(nameof(ReporterEmail),
                text[string.IsNullOrEmpty(email) ? "ReporterEmailRequired" : "ReporterNotFound"]);
            return Page();
        }
        if (!await users.IsInRoleAsync(user, Roles.Reporter))
        {
            var added = await users.AddToRoleAsync(user, Roles.Reporter);
            if (!added.Succeeded) throw new InvalidOperationException("Could not give the Reporter role.");
            audit.Record("monitoring.reporter-role-given", $"user:{user.Id}");
        }
        if (!await db.ReportingUnitReporters.AnyAsync(r => r.UnitId == id && r.UserId == user.Id, cancellationToken))
        {
            db.ReportingUnitReporters.Add(new ReportingUnitReporter { UnitId = id, UserId = user.Id, Since = clock.GetUtcNow() });
            audit.Record("monitoring.reporter-linked", $"monitoring-unit:{id}", $"user:{user.Id}");
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = text["ReporterLinked", user.DisplayName].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, string? userId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var link = await db.ReportingUnitReporters.SingleOrDefaultAsync(r => r.UnitId == id && r.UserId == userId, cancellationToken);
        if (link is null) return NotFound();
        db.ReportingUnitReporters.Remove(link);
        // The Reporter role stays: the person may report for other units, and a coordinator removes roles in Admin.
        audit.Record("monitoring.reporter-unlinked", $"monitoring-unit:{id}", $"user:{userId}");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = text["ReporterUnlinked"].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var unit = await db.ReportingUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null) return false;
        Unit = unit;
        Reporters = await (from r in db.ReportingUnitReporters
                           join u in db.Users on r.UserId equals u.Id
                           where r.UnitId == id
                           orderby u.DisplayName
                           select new Reporter(u.Id, u.DisplayName, u.Email ?? "")).ToListAsync(cancellationToken);
        return true;
    }
}
