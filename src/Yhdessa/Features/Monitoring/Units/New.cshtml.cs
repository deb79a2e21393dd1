using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Rules;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Monitoring.Units;

/// <summary><c>/monitoring/units/new</c>: a coordinator adds a reporting unit — a municipality or a service
/// provider, in a municipality from Statistics Finland's list, optionally linked to the network directory.</summary>
[Authorize(Policy = MonitoringPolicies.Manage)]
public class NewModel(YhdessaDb db, Municipalities municipalities, AuditLog audit, TimeProvider clock,
    IStringLocalizer<MonitoringText> text) : PageModel
{
    /// <summary>Every value arrives as text and is checked here, so that each mistake gets a message in the
    /// reader's language rather than the framework's English binding error.</summary>
    public sealed class UnitInput
    {
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public string? MunicipalityCode { get; set; }
        public string? OrganisationId { get; set; }
    }

    [BindProperty] public UnitInput Input { get; set; } = new();
    public Municipalities Municipalities => municipalities;
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var errors = new List<RuleError>();
        var name = TextRules.Clean(Input.Name);
        if (name.Length == 0) errors.Add(new RuleError(nameof(UnitInput.Name), RuleCodes.Required));
        else TextRules.Check(nameof(UnitInput.Name), name, MonitoringLimits.Name, errors);
        if (!Codes.TryParse<UnitKind>(Input.Kind, out var kind))
            errors.Add(new RuleError(nameof(UnitInput.Kind), string.IsNullOrWhiteSpace(Input.Kind) ? RuleCodes.Required : RuleCodes.UnknownCode));
        var municipality = municipalities.Find(Input.MunicipalityCode);
        if (municipality is null)
            errors.Add(new RuleError(nameof(UnitInput.MunicipalityCode),
                string.IsNullOrWhiteSpace(Input.MunicipalityCode) ? RuleCodes.Required : RuleCodes.UnknownMunicipality));
        int? organisationId = null;
        if (!string.IsNullOrWhiteSpace(Input.OrganisationId))
        {
            if (int.TryParse(Input.OrganisationId, out var id) && await db.Organisations.AnyAsync(o => o.Id == id, cancellationToken))
                organisationId = id;
            else errors.Add(new RuleError(nameof(UnitInput.OrganisationId), RuleCodes.UnknownCode));
        }
        if (errors.Count == 0 && await db.ReportingUnits.AnyAsync(u => u.Name == name, cancellationToken))
            ModelState.AddModelError("Input.Name", text["UnitExists"]);
        ModelState.AddRuleErrors(text, errors);
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var unit = new ReportingUnit
        {
            Name = name, Kind = kind, MunicipalityCode = municipality!.Code, OrganisationId = organisationId,
            CreatedAt = clock.GetUtcNow(),
        };
        db.ReportingUnits.Add(unit);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordNowAsync("monitoring.unit-created", $"monitoring-unit:{unit.Id}", cancellationToken: cancellationToken);
        TempData["Notice"] = text["UnitSaved"].Value;
        return Redirect($"/monitoring/units/{unit.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.NameFi).ToListAsync(cancellationToken);
}
