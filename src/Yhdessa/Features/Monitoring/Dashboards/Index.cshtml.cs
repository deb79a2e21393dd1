using System.Globalization;
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
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Monitoring.Dashboards;

/// <summary>
/// The monitoring dashboard for the nation, a region, a municipality or a unit: figures as charts and as tables,
/// always small-number protected (it is not a micro-data view). Any signed-in member may look; the exports of
/// unprotected figures are for those who may see all the micro-data of the scope (<see cref="DashboardAccess"/>).
/// </summary>
[Authorize]
public sealed class IndexModel(YhdessaDb db, DashboardQuery query, DashboardTables tables, DashboardAccess access,
    Municipalities municipalities, AuditLog audit, TimeProvider clock, IStringLocalizer<DashboardText> d) : PageModel
{
    public const int MaxYears = 15;

    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    // Read as text and checked here, so that a wrong value gets this feature's own translated message.
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public ServiceType? SelectedType { get; private set; }

    public IReadOnlyList<(string Value, string Text, string Group)> AreaOptions { get; private set; } = [];
    public IReadOnlyList<OpenTable> Tables { get; private set; } = [];
    public string ScopeName { get; private set; } = "";
    public int ThisYear { get; private set; }
    public int FirstYear { get; private set; }
    public int LastYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = await PrepareAsync(cancellationToken);
        if (scope is null) return Page();
        Tables = tables.ForDashboard(await query.ComputeAsync(scope, cancellationToken), protect: true, ScopeName);
        return Page();
    }

    /// <summary>The dashboard's tables as XLSX (a sheet per table) or CSV (one table). Audited. Unprotected only
    /// for someone who may see the micro-data of every unit in the scope.</summary>
    public async Task<IActionResult> OnGetExportAsync(string format, string? table, CancellationToken cancellationToken)
    {
        if (format is not ("xlsx" or "csv")) return NotFound();
        var scope = await PrepareAsync(cancellationToken);
        if (scope is null) return Page();
        var protect = !await access.MaySeeMicroDataAsync(User, scope, cancellationToken);
        var built = tables.ForDashboard(await query.ComputeAsync(scope, cancellationToken), protect, ScopeName);
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

    private static string Describe(DashboardScope s) =>
        $"dashboard {s.Kind} {s.Region ?? s.Municipality ?? s.UnitId?.ToString(CultureInfo.InvariantCulture) ?? "FI"} {s.Type?.ToString() ?? "all"} {s.From}-{s.To}";

    /// <summary>Reads the filters; a filter that is not one of the offered values gets a message and no figures.</summary>
    private async Task<DashboardScope?> PrepareAsync(CancellationToken cancellationToken)
    {
        ThisYear = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).Year;
        var language = Languages.Current;
        var units = await db.ReportingUnits.AsNoTracking().OrderBy(u => u.Name)
            .Select(u => new { u.Id, u.Name, u.MunicipalityCode }).ToListAsync(cancellationToken);
        var codes = units.Select(u => u.MunicipalityCode).Distinct().Select(municipalities.Find).OfType<Municipality>().ToList();
        var options = new List<(string, string, string)> { ("", d["Nation"], "") };
        options.AddRange(codes.Select(m => (m.RegionFi, m.Region(language))).Distinct().OrderBy(r => r.Item2)
            .Select(r => ("r:" + r.RegionFi, r.Item2, d["Regions"].Value)));
        options.AddRange(codes.OrderBy(m => m.Name(language)).Select(m => ("m:" + m.Code, m.Name(language), d["Municipalities"].Value)));
        options.AddRange(units.Select(u => ("u:" + u.Id.ToString(CultureInfo.InvariantCulture), u.Name, d["Units"].Value)));
        AreaOptions = options;

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
        var area = options.FirstOrDefault(o => o.Item1 == (Area ?? ""));
        if (area.Item1 is null) ModelState.AddModelError(nameof(Area), d["UnknownArea"]);
        if (!ModelState.IsValid) return null;

        ScopeName = area.Item2;
        var value = Area ?? "";
        return value switch
        {
            "" => new DashboardScope(ScopeKind.Nation, null, null, null, SelectedType, FirstYear, LastYear),
            _ when value.StartsWith("r:") => new DashboardScope(ScopeKind.Region, value[2..], null, null, SelectedType, FirstYear, LastYear),
            _ when value.StartsWith("m:") => new DashboardScope(ScopeKind.Municipality, null, value[2..], null, SelectedType, FirstYear, LastYear),
            _ => new DashboardScope(ScopeKind.Unit, null, null, int.Parse(value[2..], CultureInfo.InvariantCulture), SelectedType, FirstYear, LastYear),
        };
    }

    /// <summary>An empty field means the default; anything but four digits is refused (−1).</summary>
    private static int Year(string? text, int fallback) =>
        string.IsNullOrWhiteSpace(text) ? fallback
        : int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : -1;

    public string ExportLink(string format, string? table = null) =>
        Url.Page("/Monitoring/Dashboards/Index", "Export", new { format, table, area = Area, type = Type, from = From, to = To })!;
}
