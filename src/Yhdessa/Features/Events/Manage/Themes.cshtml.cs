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

/// <summary><c>/events/themes</c>: the managed list of themes events are tagged and filtered with.
/// One form adds a theme, or renames the one chosen with <c>?edit=id</c>.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class ThemesModel(YhdessaDb db, AuditLog audit, IOutputCacheStore cache, IStringLocalizer<EventsText> e) : PageModel
{
    [BindProperty] public NamesInput Input { get; set; } = new();
    public List<EventTheme> Themes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? edit, CancellationToken cancellationToken)
    {
        Themes = await db.EventThemes.AsNoTracking().OrderBy(t => t.NameFi).ToListAsync(cancellationToken);
        if (edit is not null)
        {
            if (Themes.FirstOrDefault(t => t.Id == edit) is not { } theme) return NotFound();
            Input = new NamesInput { Id = theme.Id, NameFi = theme.NameFi, NameSv = theme.NameSv, NameEn = theme.NameEn };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Themes = await db.EventThemes.OrderBy(t => t.NameFi).ToListAsync(cancellationToken);
        var theme = Input.Id is { } id ? Themes.FirstOrDefault(t => t.Id == id) : new EventTheme();
        if (theme is null) return NotFound();
        if (Themes.Any(t => t.Id != Input.Id && string.Equals(t.NameFi, Input.NameFi?.Trim(), StringComparison.OrdinalIgnoreCase)))
            ModelState.AddModelError("Input.NameFi", e["ThemeExists"]);
        if (!ModelState.IsValid) return Page();

        theme.NameFi = Input.NameFi.Trim();
        theme.NameSv = NetworkDisplay.Blank(Input.NameSv);
        theme.NameEn = NetworkDisplay.Blank(Input.NameEn);
        if (Input.Id is null) db.EventThemes.Add(theme);
        audit.Record(Input.Id is null ? "events.theme.created" : "events.theme.edited", "theme:" + theme.NameFi);
        await db.SaveChangesAsync(cancellationToken);
        await cache.EvictByTagAsync(PublicPages.Tag, cancellationToken);
        TempData["Notice"] = (string)e["ThemeSaved"];
        return Redirect("/events/themes");
    }
}
