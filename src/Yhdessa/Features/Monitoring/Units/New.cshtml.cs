using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Rules;
using Yhdessa.Features.Network.Data;
using Yhdessa.Features.Network.Organisations;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Places;

namespace Yhdessa.Features.Monitoring.Units;

/// <summary><c>/monitoring/units/new</c>: a coordinator adds a reporting unit — a municipality or a service
/// provider, in a municipality from Statistics Finland's list, optionally linked to the network directory.</summary>
[Authorize(Policy = MonitoringPolicies.Manage)]
public class NewModel(YhdessaDb db, Municipalities municipalities, AuditLog audit, TimeProvider clock,
    IStringLocalizer<MonitoringText> text, OrganisationDirectory organisations) : PageModel
{
    [BindProperty] public UnitInput Input { get; set; } = new();
    public Municipalities Municipalities => municipalities;
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var errors = new List<RuleError>();
        var checkedUnit = await UnitForms.CheckAsync(Input, null, db, municipalities, organisations, errors, cancellationToken);
        ModelState.AddRuleErrors(text, errors);
        if (checkedUnit is null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var unit = new ReportingUnit
        {
            Name = checkedUnit.Name, Kind = checkedUnit.Kind, MunicipalityCode = checkedUnit.MunicipalityCode,
            OrganisationId = checkedUnit.OrganisationId,
            CreatedAt = clock.GetUtcNow(),
        };
        db.ReportingUnits.Add(unit);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordNowAsync("monitoring.unit-created", $"monitoring-unit:{unit.Id}", cancellationToken: cancellationToken);
        TempData["Notice"] = text["UnitSaved"].Value;
        return Redirect($"/monitoring/units/{unit.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Organisations = await organisations.ChoicesAsync(cancellationToken);
}
