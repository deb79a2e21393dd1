using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Monitoring.Access;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Network.Organisations;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Places;

namespace Yhdessa.Features.Monitoring.Units;

/// <summary><c>/monitoring/units/{id}</c>: a unit and its housing services. Reporters see their own units only —
/// another unit is not found; coordinators manage the unit's reporters on <see cref="ReportersModel"/>.</summary>
[Authorize(Policy = MonitoringPolicies.MicroData)]
public class DetailsModel(MonitoringAccess access, Municipalities municipalities, OrganisationDirectory organisations) : PageModel
{
    public ReportingUnit Unit { get; private set; } = null!;
    public Municipality? Municipality { get; private set; }
    public string? OrganisationName { get; private set; }
    public IReadOnlyList<HousingService> Services { get; private set; } = [];
    public bool IsCoordinator => access.IsCoordinator;
    public Municipalities Municipalities => municipalities;

    /// <summary>A post without a handler is no action of this page; without this Razor Pages would render the page
    /// for it without loading anything.</summary>
    public IActionResult OnPost() => NotFound();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var unit = await access.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null) return false;
        Unit = unit;
        Municipality = municipalities.Find(unit.MunicipalityCode);
        OrganisationName = unit.OrganisationId is { } o
            ? (await organisations.FindAsync(o, cancellationToken))?.Name
            : null;
        Services = await access.Services.AsNoTracking().Where(s => s.UnitId == id).OrderBy(s => s.Code).ToListAsync(cancellationToken);
        return true;
    }
}
