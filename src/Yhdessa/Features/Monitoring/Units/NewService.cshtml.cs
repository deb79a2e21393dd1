using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Access;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Rules;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Monitoring.Units;

/// <summary><c>/monitoring/units/{id}/services/new</c>: a coordinator adds a housing service to a unit. Its code is
/// the unit's own short code, used in the unit's import files, so it is unique within the unit.</summary>
[Authorize(Policy = MonitoringPolicies.Manage)]
public class NewServiceModel(MonitoringAccess access, YhdessaDb db, Municipalities municipalities, AuditLog audit,
    IStringLocalizer<MonitoringText> text) : PageModel
{
    public sealed class ServiceInput
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Type { get; set; }
        public string? MunicipalityCode { get; set; }
        public string? Places { get; set; }
    }

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
        var code = TextRules.Clean(Input.Code);
        TextRules.CheckServiceCode(nameof(ServiceInput.Code), code, errors);
        var name = TextRules.Clean(Input.Name);
        if (name.Length == 0) errors.Add(new RuleError(nameof(ServiceInput.Name), RuleCodes.Required));
        else TextRules.Check(nameof(ServiceInput.Name), name, MonitoringLimits.Name, errors);
        if (!Codes.TryParse<ServiceType>(Input.Type, out var type))
            errors.Add(new RuleError(nameof(ServiceInput.Type), string.IsNullOrWhiteSpace(Input.Type) ? RuleCodes.Required : RuleCodes.UnknownCode));
        var municipality = municipalities.Find(Input.MunicipalityCode);
        if (municipality is null)
            errors.Add(new RuleError(nameof(ServiceInput.MunicipalityCode),
                string.IsNullOrWhiteSpace(Input.MunicipalityCode) ? RuleCodes.Required : RuleCodes.UnknownMunicipality));
        if (!int.TryParse(Input.Places?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var places)
            || places > MonitoringLimits.MaxCount)
            errors.Add(new RuleError(nameof(ServiceInput.Places), RuleCodes.CountRange, MonitoringLimits.MaxCount));
        if (errors.Count == 0 && await db.HousingServices.AnyAsync(s => s.UnitId == id && s.Code == code, cancellationToken))
            ModelState.AddModelError("Input.Code", text["ServiceCodeTaken"]);
        ModelState.AddRuleErrors(text, errors);
        if (!ModelState.IsValid) return Page();

        var service = new HousingService
            { UnitId = id, Code = code, Name = name, Type = type, MunicipalityCode = municipality!.Code, Places = places };
        db.HousingServices.Add(service);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordNowAsync("monitoring.service-created", $"monitoring-service:{service.Id}", $"monitoring-unit:{id}",
            cancellationToken: cancellationToken);
        TempData["Notice"] = text["ServiceSaved"].Value;
        return Redirect($"/monitoring/units/{id}");
    }
}
