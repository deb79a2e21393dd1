using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Exports;
using Yhdessa.Features.Monitoring.Statistics;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Places;

namespace Yhdessa.Features.Monitoring.Dashboards;

/// <summary>
/// The monitoring dashboard for the nation, a region, a municipality or a unit: figures as charts and as tables,
/// always small-number protected (it is not a micro-data view). Any signed-in member may look; the exports of
/// unprotected figures are for those who may see all the micro-data of the scope (<see cref="DashboardAccess"/>).
/// </summary>
[Authorize]
public sealed class IndexModel(YhdessaDb db, DashboardQuery query, DashboardTables tables, DashboardAccess access,
    PublicationQuery published, Municipalities municipalities, AuditLog audit, TimeProvider clock, IStringLocalizer<DashboardText> d,
    IAuthorizationService authorization) : PageModel
{
    public const int MaxYears = 15;

    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    // Read as text and checked here, so that a wrong value gets this feature's own translated message.
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public ServiceType? SelectedType { get; private set; }

    /// <summary>Whether the service-type filter is offered: only to those who may see some micro-data, and it works
    /// only where they may (<see cref="Publication"/> explains why protected views have none).</summary>
    public bool OffersTypes { get; private set; }

    public IReadOnlyList<(string Value, string Text, string Group)> AreaOptions { get; private set; } = [];
    public IReadOnlyList<OpenTable> Tables { get; private set; } = [];
    public string ScopeName { get; private set; } = "";
    public int ThisYear { get; private set; }
    public int FirstYear { get; private set; }
    public int LastYear { get; private set; }

    /// <summary>Whether the viewer's exports hold the exact figures (the page always shows the protected ones).</summary>
    public bool ExactExport { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var view = await PrepareAsync(cancellationToken);
        if (view is null) return Page();
        ExactExport = view.Exact;
        Tables = tables.ForDashboard(await query.ComputeAsync(view.Scope, cancellationToken), protect: true, ScopeName, view.Published);
        return Page();
    }

    /// <summary>The dashboard's tables as XLSX (a sheet per table) or CSV (one table). Audited. Unprotected only
    /// for someone who may see the micro-data of every unit in the scope.</summary>
    public async Task<IActionResult> OnGetExportAsync(string format, string? table, CancellationToken cancellationToken)
    {
        if (format is not ("xlsx" or "csv")) return NotFound();
        var view = await PrepareAsync(cancellationToken);
        if (view is null) return Page();
        var scope = view.Scope;
        var protect = !view.Exact;
        var built = tables.ForDashboard(await query.ComputeAsync(scope, cancellationToken), protect, ScopeName, view.Published);
        var name = $"monitoring-{DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime):yyyy-MM-dd}";
        if (format == "csv")
        {
            var one = built.FirstOrDefault(t => t.Id == table);
            if (one is null) return NotFound();
            built = [one];
            name += "-" + one.Id;
        }
        audit.Record("monitoring.export", Describe(scope),
            $"format={format}; tables={string.Join(",", built.Select(t => t.Id))}; protected={protect}");
        await db.SaveChangesAsync(cancellationToken);
        return format == "csv"
            ? File(TableFiles.Csv(built[0]), TableFiles.CsvType, name + ".csv")
            : File(TableFiles.Xlsx(built), TableFiles.XlsxType, name + ".xlsx");
    }

    /// <summary>A view that may be shown: its scope, whether its viewer may have it exactly, and its published cells
    /// (null for a unit or a service type, which only those who may see them exactly can open).</summary>
    private sealed record View(DashboardScope Scope, bool Exact, PublishedArea? Published);

    private static string Describe(DashboardScope s) =>
        $"dashboard {s.Kind} {s.Region ?? s.Municipality ?? s.UnitId?.ToString(CultureInfo.InvariantCulture) ?? "FI"} {s.Type?.ToString() ?? "all"} {s.From}-{s.To}";

    /// <summary>Reads the filters; a filter that is not one of the offered values gets a message and no figures.
    /// Single units and service types are offered only where the viewer may see the figures exactly; everyone else
    /// chooses among the published areas and years (<see cref="Publication"/>).</summary>
    private async Task<View?> PrepareAsync(CancellationToken cancellationToken)
    {
        ThisYear = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).Year;
        var language = Languages.Current;
        var microData = (await authorization.AuthorizeAsync(User, MonitoringPolicies.MicroData)).Succeeded;
        var units = await db.ReportingUnits.AsNoTracking().OrderBy(u => u.Name)
            .Select(u => new { u.Id, u.Name, u.MunicipalityCode }).ToListAsync(cancellationToken);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var ownUnits = !microData ? [] : User.IsInRole(Roles.Coordinator) ? units.Select(u => u.Id).ToHashSet()
            : (await db.ReportingUnitReporters.Where(r => r.UserId == userId).Select(r => r.UnitId).ToListAsync(cancellationToken)).ToHashSet();
        var codes = units.Select(u => u.MunicipalityCode).Distinct().Select(municipalities.Find).OfType<Municipality>().ToList();
        var options = new List<(string, string, string)> { ("", d["Nation"], "") };
        options.AddRange(codes.Select(m => (m.RegionFi, m.Region(language))).Distinct().OrderBy(r => r.Item2)
            .Select(r => ("r:" + r.RegionFi, r.Item2, d["Regions"].Value)));
        options.AddRange(codes.OrderBy(m => m.Name(language)).Select(m => ("m:" + m.Code, m.Name(language), d["Municipalities"].Value)));
        options.AddRange(units.Where(u => ownUnits.Contains(u.Id))
            .Select(u => ("u:" + u.Id.ToString(CultureInfo.InvariantCulture), u.Name, d["Units"].Value)));
        AreaOptions = options;
        OffersTypes = microData;

        var publication = await published.GetAsync(cancellationToken);
        if (!string.IsNullOrEmpty(Type))
        {
            if (Enum.TryParse<ServiceType>(Type, out var t) && Enum.IsDefined(t) && !int.TryParse(Type, out _)) SelectedType = t;
            else ModelState.AddModelError(nameof(Type), d["UnknownType"]);
        }
        FirstYear = ThisYear - 4;
        LastYear = ThisYear;
        var first = Year(From, FirstYear);
        var last = Year(To, LastYear);
        if (first < 2000 || last < 2000 || last > ThisYear + 1 || first > last || last - first >= MaxYears)
            ModelState.AddModelError(nameof(From), d["BadYears", MaxYears, ThisYear + 1]);
        else (FirstYear, LastYear) = (first, last);
        var value = Area ?? "";
        var area = options.FirstOrDefault(o => o.Item1 == value);
        if (area.Item1 is null)
            ModelState.AddModelError(nameof(Area), value.StartsWith("u:") ? d["ExactOnly"] : d["UnknownArea"]);
        if (!ModelState.IsValid) return null;

        ScopeName = area.Item2;
        var scope = value switch
        {
            "" => new DashboardScope(ScopeKind.Nation, null, null, null, SelectedType, FirstYear, LastYear),
            _ when value.StartsWith("r:") => new DashboardScope(ScopeKind.Region, value[2..], null, null, SelectedType, FirstYear, LastYear),
            _ when value.StartsWith("m:") => new DashboardScope(ScopeKind.Municipality, null, value[2..], null, SelectedType, FirstYear, LastYear),
            _ => new DashboardScope(ScopeKind.Unit, null, null, int.Parse(value[2..], CultureInfo.InvariantCulture), SelectedType, FirstYear, LastYear),
        };
        var exact = await access.MaySeeMicroDataAsync(User, scope, cancellationToken);
        var key = Publication.KeyOf(scope);
        if (key is null && !exact) ModelState.AddModelError(nameof(Type), d["ExactOnly"]);
        else if (key is not null && !publication.Covers(FirstYear, LastYear))
            ModelState.AddModelError(nameof(From), d["PublishedYears", publication.From, publication.To]);
        if (!ModelState.IsValid) return null;
        return new View(scope, exact, key is null ? null : publication.Area(key));
    }

    /// <summary>An empty field means the default; anything but four digits is refused (−1).</summary>
    private static int Year(string? text, int fallback) =>
        string.IsNullOrWhiteSpace(text) ? fallback
        : int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : -1;

    public string ExportLink(string format, string? table = null) =>
        Url.Page("/Monitoring/Dashboards/Index", "Export", new { format, table, area = Area, type = Type, from = From, to = To })!;
}
