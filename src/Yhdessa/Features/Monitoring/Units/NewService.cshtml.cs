using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Access;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Rules;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Places;

namespace Yhdessa.Features.Monitoring.Units;

/// <summary><c>/monitoring/units/{id}/services/new</c>: a coordinator adds a housing service to a unit. Its code is
/// the unit's own short code, used in the unit's import files, so it is unique within the unit.</summary>
[Authorize(Policy = MonitoringPolicies.Manage)]
public class NewServiceModel(MonitoringAccess access, YhdessaDb db, Municipalities municipalities, AuditLog audit,
    IStringLocalizer<MonitoringText> text) : PageModel
{
    [BindProperty] public ServiceInput Input { get; set; } = new();
    public ReportingUnit Unit { get; private set; } = null!;
    public Municipalities Municipalities => municipalities;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await access.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken) is not { } unit) return NotFound();
        Unit = unit;
        Input.MunicipalityCode = unit.MunicipalityCode;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await access.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken) is not { } unit) return NotFound();
        Unit = unit;
        ModelState.Clear();
        var errors = new List<RuleError>();
        var s = await UnitForms.CheckAsync(Input, id, null, db, municipalities, errors, cancellationToken);
        ModelState.AddRuleErrors(text, errors);
        if (s is null) return Page();

        var service = new HousingService
        { UnitId = id, Code = s.Code, Name = s.Name, Type = s.Type, MunicipalityCode = s.MunicipalityCode, Places = s.Places };
        db.HousingServices.Add(service);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordNowAsync("monitoring.service-created", $"monitoring-service:{service.Id}", $"monitoring-unit:{id}",
            cancellationToken: cancellationToken);
        TempData["Notice"] = text["ServiceSaved"].Value;
        return Redirect($"/monitoring/units/{id}");
    }
}
