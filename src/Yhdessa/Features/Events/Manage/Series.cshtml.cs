using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Network;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Events.Manage;

/// <summary><c>/events/series</c>: recurring trainings whose instances link to each other.
/// One form adds a series, or renames the one chosen with <c>?edit=id</c>; events join a series on their own form.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class SeriesModel(YhdessaDb db, AuditLog audit, IOutputCacheStore cache, IStringLocalizer<EventsText> e) : PageModel
{
    [BindProperty] public NamesInput Input { get; set; } = new();
    public List<EventSeries> AllSeries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? edit, CancellationToken cancellationToken)
    {
        AllSeries = await db.EventSeries.AsNoTracking().OrderBy(t => t.NameFi).ToListAsync(cancellationToken);
        if (edit is not null)
        {
            if (AllSeries.FirstOrDefault(t => t.Id == edit) is not { } series) return NotFound();
            Input = new NamesInput { Id = series.Id, NameFi = series.NameFi, NameSv = series.NameSv, NameEn = series.NameEn };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        AllSeries = await db.EventSeries.OrderBy(t => t.NameFi).ToListAsync(cancellationToken);
        var series = Input.Id is { } id ? AllSeries.FirstOrDefault(t => t.Id == id) : new EventSeries();
        if (series is null) return NotFound();
        if (AllSeries.Any(t => t.Id != Input.Id && string.Equals(t.NameFi, Input.NameFi?.Trim(), StringComparison.OrdinalIgnoreCase)))
            ModelState.AddModelError("Input.NameFi", e["SeriesExists"]);
        if (!ModelState.IsValid) return Page();

        series.NameFi = Input.NameFi.Trim();
        series.NameSv = NetworkDisplay.Blank(Input.NameSv);
        series.NameEn = NetworkDisplay.Blank(Input.NameEn);
        if (Input.Id is null)
        {
            var root = Network.Data.Search.Slug(series.NameFi);
            series.Slug = root;
            for (var n = 2; AllSeries.Any(s => s.Slug == series.Slug); n++) series.Slug = $"{root}-{n}";
            db.EventSeries.Add(series);
        }
        audit.Record(Input.Id is null ? "events.series.created" : "events.series.edited", "series:" + series.NameFi);
        await db.SaveChangesAsync(cancellationToken);
        await cache.EvictByTagAsync(PublicPages.Tag, cancellationToken);
        TempData["Notice"] = (string)e["SeriesSaved"];
        return Redirect("/events/series");
    }
}
