using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Events.Manage;

/// <summary><c>/events/series</c>: recurring trainings whose instances link to each other; events join a series on
/// their own form.</summary>
public class SeriesModel(YhdessaDb db, AuditLog audit, IOutputCacheStore cache, IStringLocalizer<EventsText> e)
    : NamesPageModel<EventSeries>(db, audit, cache, e)
{
    public override NamesTexts Texts { get; } =
        new("/events/series", "series", "SeriesTitle", "NoSeriesYet", "NewSeries", "SeriesExists", "SeriesSaved");

    /// <summary>A series has an address of its own, made from its Finnish name and kept unique.</summary>
    protected override void Adding(EventSeries series, IReadOnlyList<EventSeries> existing)
    {
        var root = Slugs.FromName(series.NameFi);
        series.Slug = root;
        for (var n = 2; existing.Any(s => s.Slug == series.Slug); n++) series.Slug = $"{root}-{n}";
    }
}
