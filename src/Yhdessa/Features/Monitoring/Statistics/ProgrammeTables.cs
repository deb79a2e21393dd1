using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Dashboards;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Statistics.Context;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Places;

namespace Yhdessa.Features.Monitoring.Statistics;

/// <summary>
/// The programme's own open tables: the national dashboard figures of the last five full years, always
/// small-number protected (built by the same <see cref="DashboardTables"/> as the dashboards), the annual survey
/// side by side by municipality and year, and the national context series beside the programme's figures.
/// The year in progress is left out: its rounds are still being reported.
/// </summary>
public sealed class ProgrammeTables(YhdessaDb db, DashboardQuery query, DashboardTables tables, ContextSeries context,
    Municipalities municipalities, TimeProvider clock, PublicationQuery published, IStringLocalizer<StatisticsText> s,
    IStringLocalizer<DashboardText> d, IStringLocalizer<MonitoringText> names)
{
    public const string Prefix = "programme-";
    public const string SurveyAdded = "annual-survey-housing-added";
    public const string SurveyAddedByType = "annual-survey-housing-added-by-type";
    public const string SurveyWorkForms = "annual-survey-work-forms";
    public const string ContextBeside = "context-and-programme";

    /// <summary>The dashboard tables that are published, in this order; the list of units per method is not a figure.</summary>
    public static readonly IReadOnlyList<string> DashboardIds =
    [
        DashboardTables.MovesIn, DashboardTables.StaysEnded, DashboardTables.Direction, DashboardTables.Ongoing,
        DashboardTables.Retention, DashboardTables.Returns, DashboardTables.LengthOfStay, DashboardTables.ReportingMethods,
    ];

    private int LastYear => clock.GetUtcNow().Year - 1;

    /// <summary>The national tables: the nation's part of the <see cref="Publication"/>, the same figures a member sees
    /// on the national dashboard.</summary>
    private async Task<IReadOnlyList<OpenTable>> NationalAsync(CancellationToken cancellationToken)
    {
        var figures = await query.ComputeAsync(
            new DashboardScope(ScopeKind.Nation, null, null, null, null, LastYear - 4, LastYear), cancellationToken);
        var publication = await published.GetAsync(cancellationToken);
        return tables.ForDashboard(figures, protect: true, s["WholeCountry"], publication.Area(""));
    }

    public async Task<OpenTable?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (id.StartsWith(Prefix) && DashboardIds.Contains(id[Prefix.Length..]))
        {
            var table = (await NationalAsync(cancellationToken)).Single(t => t.Id == id[Prefix.Length..]);
            return table with { Id = id };
        }
        return id switch
        {
            SurveyAdded => await SurveyAddedAsync(cancellationToken),
            SurveyAddedByType => await SurveyAddedByTypeAsync(cancellationToken),
            SurveyWorkForms => await WorkFormsAsync(cancellationToken),
            ContextBeside => await ContextBesideAsync(cancellationToken),
            _ => null,
        };
    }

    public IEnumerable<OpenTableInfo> Index() =>
    [
        .. DashboardIds.Select(id => new OpenTableInfo(Prefix + id, d[$"Table_{id}"] + " – " + s["WholeCountry"], d[$"Table_{id}_Description"])),
        .. new[] { SurveyAdded, SurveyAddedByType, SurveyWorkForms, ContextBeside }.Select(id => new OpenTableInfo(id, s[$"Table_{id}"], s[$"Table_{id}_Description"])),
    ];

    /// <summary>Housing added to the programme by municipality (rows) and year (columns). Dwellings, not people,
    /// so not suppressed.</summary>
    private async Task<OpenTable> SurveyAddedAsync(CancellationToken cancellationToken)
    {
        var first = LastYear - 4;
        var surveys = await db.AnnualSurveys.AsNoTracking().Where(a => a.Year >= first && a.Year <= LastYear).ToListAsync(cancellationToken);
        var years = Enumerable.Range(first, 5).ToList();
        var language = Languages.Current;
        OpenColumn[] columns = [new("municipality", s["Column_Municipality"]), .. years.Select(y => new OpenColumn(y.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture), true))];
        var rows = surveys.GroupBy(a => a.MunicipalityCode)
            .Select(g => (Name: municipalities.NameOf(g.Key, language), Surveys: g.ToList()))
            .OrderBy(m => m.Name, StringComparer.Create(Languages.FormattingCulture(language), false))
            .Select(m => (IReadOnlyList<OpenValue>)
            [
                new(m.Name),
                .. years.Select(y => m.Surveys.FirstOrDefault(a => a.Year == y) is { } a ? OpenTables.Number(a.AddedTotal) : new OpenValue("–")),
            ]).ToList();
        return new OpenTable(SurveyAdded, s[$"Table_{SurveyAdded}"], s[$"Table_{SurveyAdded}_Description"], columns, rows,
            [s["SurveyNote"]], Protected: false);
    }

    /// <summary>The survey's housing added by service type, a row per municipality and year it answered, so that
    /// municipalities and years stand side by side as the survey asked them. Dwellings, not people: not suppressed.</summary>
    private async Task<OpenTable> SurveyAddedByTypeAsync(CancellationToken cancellationToken)
    {
        var language = Languages.Current;
        OpenColumn[] columns =
        [
            new("municipality", s["Column_Municipality"]), new("year", s["Column_Year"]),
            .. DashboardFigures.Types.Select(t => new OpenColumn(SnakeCase(t.ToString()), names.Name(t), true)),
            new("total", d["Total"], true),
        ];
        var rows = (await SurveysOfWindowAsync(cancellationToken)).Select(a => (IReadOnlyList<OpenValue>)
        [
            new(municipalities.NameOf(a.MunicipalityCode, language)), new(a.Year.ToString(CultureInfo.InvariantCulture)),
            .. DashboardFigures.Types.Select(t => OpenTables.Number(a.Added(t))),
            OpenTables.Number(a.AddedTotal),
        ]).ToList();
        return new OpenTable(SurveyAddedByType, s[$"Table_{SurveyAddedByType}"], s[$"Table_{SurveyAddedByType}_Description"], columns, rows,
            [s["SurveyByYearNote"]], Protected: false);
    }

    /// <summary>A column key as the API's other keys are written: ScatteredWithSupport → scattered_with_support.</summary>
    private static string SnakeCase(string name) =>
        System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z])([A-Z])", "_$1").ToLowerInvariant();

    /// <summary>The surveys of the five years of the tables, by municipality name and then year.</summary>
    private async Task<IReadOnlyList<AnnualSurvey>> SurveysOfWindowAsync(CancellationToken cancellationToken)
    {
        var first = LastYear - 4;
        var surveys = await db.AnnualSurveys.AsNoTracking().Where(a => a.Year >= first && a.Year <= LastYear).ToListAsync(cancellationToken);
        var language = Languages.Current;
        return [.. surveys
            .OrderBy(a => municipalities.NameOf(a.MunicipalityCode, language), StringComparer.Create(Languages.FormattingCulture(language), false))
            .ThenBy(a => a.Year)];
    }

    /// <summary>Which work forms each municipality said it used, a row per municipality and year it answered.</summary>
    private async Task<OpenTable> WorkFormsAsync(CancellationToken cancellationToken)
    {
        var language = Languages.Current;
        OpenColumn[] columns =
        [
            new("municipality", s["Column_Municipality"]), new("year", s["Column_Year"]),
            .. WorkForms.All.Select(w => new OpenColumn(w, s[$"WorkForm_{w}"])),
        ];
        var rows = (await SurveysOfWindowAsync(cancellationToken)).Select(a => (IReadOnlyList<OpenValue>)
        [
            new(municipalities.NameOf(a.MunicipalityCode, language)), new(a.Year.ToString(CultureInfo.InvariantCulture)),
            .. WorkForms.All.Select(w => new OpenValue(a.WorkForms.Contains(w) ? s["Yes"] : s["No"])),
        ]).ToList();
        return new OpenTable(SurveyWorkForms, s[$"Table_{SurveyWorkForms}"], s[$"Table_{SurveyWorkForms}_Description"], columns, rows,
            [s["SurveyByYearNote"]], Protected: false);
    }

    /// <summary>The national survey's count of single homeless people (with its quality flag) beside the programme's
    /// moves in and ongoing stays of the same year, protected.</summary>
    private async Task<OpenTable> ContextBesideAsync(CancellationToken cancellationToken)
    {
        var national = await NationalAsync(cancellationToken);
        var movesIn = national.Single(t => t.Id == DashboardTables.MovesIn);
        var ongoing = national.Single(t => t.Id == DashboardTables.Ongoing);
        OpenColumn[] columns =
        [
            new("year", s["Column_Year"]), new("single_homeless", s["Column_SingleHomeless"], true), new("value_quality", s["Column_Quality"]),
            new("moves_in", s["Column_ProgrammeMovesIn"], true), new("ongoing", s["Column_ProgrammeOngoing"], true),
        ];
        var rows = new List<IReadOnlyList<OpenValue>>();
        for (var r = 0; r < movesIn.Rows.Count; r++)
        {
            var year = int.Parse(movesIn.Rows[r][0].Text, CultureInfo.InvariantCulture);
            var ara = context.National.FirstOrDefault(n => n.Year == year);
            rows.Add(
            [
                new(movesIn.Rows[r][0].Text),
                ara is null ? new OpenValue("–") : OpenTables.Number(ara.SingleHomeless),
                new(ara is null ? "" : s[$"Quality_{ara.Quality}"]),
                movesIn.Rows[r][^1], ongoing.Rows[r][^1],
            ]);
        }
        return new OpenTable(ContextBeside, s[$"Table_{ContextBeside}"], s[$"Table_{ContextBeside}_Description"], columns, rows,
            [s["ContextBesideNote"], s["ContextSourceNote"]], Protected: true);
    }
}
