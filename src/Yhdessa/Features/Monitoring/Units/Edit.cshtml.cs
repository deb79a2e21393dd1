using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Dashboards;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Rules;
using Yhdessa.Features.Network.Data;
using Yhdessa.Features.Network.Organisations;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Places;

namespace Yhdessa.Features.Monitoring.Units;

/// <summary><c>/monitoring/units/{id}/edit</c>: a coordinator corrects a unit's name, kind, municipality or directory
/// organisation, checked as when it was added. The figures group the unit by what it is now, also for earlier
/// rounds, so the page says so; the audit entry names the fields that changed.</summary>
[Authorize(Policy = MonitoringPolicies.Manage)]
public class EditModel(YhdessaDb db, Municipalities municipalities, AuditLog audit, DashboardCache dashboards,
    IStringLocalizer<MonitoringText> text, OrganisationDirectory organisations) : PageModel
{
    [BindProperty] public UnitInput Input { get; set; } = new();
    public ReportingUnit Unit { get; private set; } = null!;
    public Municipalities Municipalities => municipalities;
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Input = UnitInput.Of(Unit);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        ModelState.Clear();
        var errors = new List<RuleError>();
        var checkedUnit = await UnitForms.CheckAsync(Input, id, db, municipalities, organisations, errors, cancellationToken);
        ModelState.AddRuleErrors(text, errors);
        if (checkedUnit is null) return Page();

        var unit = await db.ReportingUnits.SingleAsync(u => u.Id == id, cancellationToken);
        var changed = new List<string>();
        if (unit.Name != checkedUnit.Name) changed.Add(nameof(unit.Name));
        if (unit.Kind != checkedUnit.Kind) changed.Add(nameof(unit.Kind));
        if (unit.MunicipalityCode != checkedUnit.MunicipalityCode) changed.Add(nameof(unit.MunicipalityCode));
        if (unit.OrganisationId != checkedUnit.OrganisationId) changed.Add(nameof(unit.OrganisationId));
        if (changed.Count > 0)
        {
            (unit.Name, unit.Kind, unit.MunicipalityCode, unit.OrganisationId) =
                (checkedUnit.Name, checkedUnit.Kind, checkedUnit.MunicipalityCode, checkedUnit.OrganisationId);
            audit.Record("monitoring.unit-changed", $"monitoring-unit:{id}", string.Join(",", changed));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another coordinator gave the same name to another unit in between (the unique index on the name).
                ModelState.AddModelError("Input.Name", text[UnitForms.UnitExists]);
                return Page();
            }
            dashboards.Changed();
        }
        TempData["Notice"] = text["UnitSaved"].Value;
        return Redirect($"/monitoring/units/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.ReportingUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken) is not { } unit) return false;
        Unit = unit;
        Organisations = await organisations.ChoicesAsync(cancellationToken);
        return true;
    }
}
