using System.Globalization;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Statistics.Context;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Places;

namespace Yhdessa.Features.Monitoring.Statistics;

/// <summary>
/// The catalogue of open tables behind <c>/statistics</c> and <c>/api/v1/statistics</c>. Every table has a stable
/// id used in both addresses. Only published context figures and protected programme aggregates are here.
/// </summary>
public sealed class OpenTables(ContextSeries context, Municipalities municipalities, ProgrammeTables programme,
    IStringLocalizer<StatisticsText> s)
{
    public const string NationalContext = "homelessness-national";
    public const string MunicipalContext = "homelessness-municipal";

    private static CultureInfo Culture => Languages.FormattingCulture(Languages.Current);

    public IReadOnlyList<OpenTableInfo> Index() =>
    [
        .. programme.Index(),
        .. new[] { NationalContext, MunicipalContext }.Select(id => new OpenTableInfo(id, s[$"Table_{id}"], s[$"Table_{id}_Description"])),
    ];

    public async Task<OpenTable?> FindAsync(string id, CancellationToken cancellationToken) => id switch
    {
        NationalContext => National(),
        MunicipalContext => Municipal(),
        _ => await programme.FindAsync(id, cancellationToken),
    };

    private OpenTable National()
    {
        OpenColumn[] columns =
        [
            new("year", s["Column_Year"]),
            new("single_homeless", s["Column_SingleHomeless"], true),
            new("long_term_homeless", s["Column_LongTermHomeless"], true),
            new("homeless_families_or_couples", s["Column_Families"], true),
            new("persons_in_families", s["Column_PersonsInFamilies"], true),
            new("total_persons", s["Column_TotalPersons"], true),
            new("women", s["Column_Women"], true),
            new("under_25", s["Column_Under25"], true),
            new("immigrants_share_pct", s["Column_ImmigrantsShare"], true),
            new("municipalities_with_homeless", s["Column_MunicipalitiesWithHomeless"], true),
            new("value_quality", s["Column_Quality"]),
            new("notes", s["Column_Notes"]),
            new("source_url", s["Column_Source"]),
        ];
        var rows = context.National.Select(y => (IReadOnlyList<OpenValue>)
        [
            new(y.Year.ToString(CultureInfo.InvariantCulture)),
            Number(y.SingleHomeless), Number(y.LongTermHomeless), Number(y.FamiliesOrCouples), Number(y.PersonsInFamilies),
            Number(y.TotalPersons), Number(y.Women), Number(y.Under25), Number(y.ImmigrantsSharePercent),
            Number(y.MunicipalitiesWithHomeless),
            Quality(y.Quality, y.QualityDetail),
            new(y.Notes, Language: y.Notes.Length > 0 ? Languages.English : null),
            Source(y.SourceUrl),
        ]).ToList();
        return new OpenTable(NationalContext, s[$"Table_{NationalContext}"], s[$"Table_{NationalContext}_Description"],
            columns, rows, [s["ContextQualityNote"], s["ContextSourceNote"]], Protected: false);
    }

    private OpenTable Municipal()
    {
        OpenColumn[] columns =
        [
            new("year", s["Column_Year"]),
            new("kunta_code", s["Column_MunicipalityCode"]),
            new("municipality", s["Column_Municipality"]),
            new("single_homeless", s["Column_SingleHomeless"], true),
            new("per_1000_residents", s["Column_PerThousand"], true),
            new("value_quality", s["Column_Quality"]),
            new("source_url", s["Column_Source"]),
        ];
        var language = Languages.Current;
        var rows = context.Municipal.Select(m => (IReadOnlyList<OpenValue>)
        [
            new(m.Year.ToString(CultureInfo.InvariantCulture)),
            new(m.MunicipalityCode),
            new(municipalities.Find(m.MunicipalityCode)?.Name(language) ?? m.MunicipalityName),
            Number(m.SingleHomeless), Number(m.PerThousandResidents),
            Quality(m.Quality, m.QualityDetail),
            Source(m.SourceUrl),
        ]).ToList();
        return new OpenTable(MunicipalContext, s[$"Table_{MunicipalContext}"], s[$"Table_{MunicipalContext}_Description"],
            columns, rows, [s["ContextQualityNote"], s["ContextSourceNote"]], Protected: false);
    }

    internal static OpenValue Number(decimal? value) =>
        value is { } v ? new OpenValue(v.ToString("#,##0.##", Culture), v) : new OpenValue("");

    private static OpenValue Number(int? value) => Number((decimal?)value);

    private OpenValue Quality(ValueQuality quality, string detail) =>
        detail.Length == 0
            ? new OpenValue(s[$"Quality_{quality}"])
            : new OpenValue($"{s[$"Quality_{quality}"]} ({detail})");

    private OpenValue Source(string url) =>
        new(Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : url, Link: url);
}
