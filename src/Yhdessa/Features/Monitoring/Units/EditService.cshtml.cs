using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Dashboards;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Rules;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Places;

namespace Yhdessa.Features.Monitoring.Units;

/// <summary>
/// <c>/monitoring/units/{id}/services/{serviceId}</c>: a coordinator corrects a housing service — code, name, type,
/// municipality, places — checked as when it was added. Stays point at the service, not at its code, so a new code
/// keeps them; but the unit's import files name services by code, so the page warns that they must change too, and
/// the audit entry keeps the old and new code for anyone puzzled by an import that stopped matching.
/// </summary>
[Authorize(Policy = MonitoringPolicies.Manage)]
public class EditServiceModel(YhdessaDb db, Municipalities municipalities, AuditLog audit, DashboardCache dashboards,
    IStringLocalizer<MonitoringText> text) : PageModel
{
    [BindProperty] public ServiceInput Input { get; set; } = new();
    public ReportingUnit Unit { get; private set; } = null!;
    public HousingService Service { get; private set; } = null!;
    public int StayCount { get; private set; }
    public Municipalities Municipalities => municipalities;

    public async Task<IActionResult> OnGetAsync(int id, int serviceId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, serviceId, cancellationToken)) return NotFound();
        Input = ServiceInput.Of(Service);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int serviceId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, serviceId, cancellationToken)) return NotFound();
        ModelState.Clear();
        var errors = new List<RuleError>();
        var checkedService = await UnitForms.CheckAsync(Input, id, serviceId, db, municipalities, errors, cancellationToken);
        ModelState.AddRuleErrors(text, errors);
        if (checkedService is null) return Page();

        var service = await db.HousingServices.SingleAsync(s => s.Id == serviceId, cancellationToken);
        var changed = new List<string>();
        if (service.Code != checkedService.Code) changed.Add($"Code {service.Code}->{checkedService.Code}");
        if (service.Name != checkedService.Name) changed.Add(nameof(service.Name));
        if (service.Type != checkedService.Type) changed.Add(nameof(service.Type));
        if (service.MunicipalityCode != checkedService.MunicipalityCode) changed.Add(nameof(service.MunicipalityCode));
        if (service.Places != checkedService.Places) changed.Add(nameof(service.Places));
        if (changed.Count > 0)
        {
            (service.Code, service.Name, service.Type, service.MunicipalityCode, service.Places) =
                (checkedService.Code, checkedService.Name, checkedService.Type, checkedService.MunicipalityCode, checkedService.Places);
            audit.Record("monitoring.service-changed", $"monitoring-service:{serviceId}", $"monitoring-unit:{id} " + string.Join(",", changed));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another coordinator gave the code to another service of the unit in between (the unique index).
                ModelState.AddModelError("Input.Code", text[UnitForms.ServiceCodeTaken]);
                return Page();
            }
            dashboards.Changed();
        }
        TempData["Notice"] = text["ServiceSaved"].Value;
        return Redirect($"/monitoring/units/{id}");
    }

    private async Task<bool> LoadAsync(int id, int serviceId, CancellationToken cancellationToken)
    {
        if (await db.HousingServices.AsNoTracking().SingleOrDefaultAsync(s => s.Id == serviceId && s.UnitId == id, cancellationToken)
            is not { } service) return false;
        Service = service;
        Unit = await db.ReportingUnits.AsNoTracking().SingleAsync(u => u.Id == id, cancellationToken);
        StayCount = await db.Stays.CountAsync(s => s.ServiceId == serviceId, cancellationToken);
        return true;
    }
}
