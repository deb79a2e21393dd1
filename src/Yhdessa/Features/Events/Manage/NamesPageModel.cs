using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Events.Manage;

/// <summary>The address of a names page, the kind of name in the audit log, and the resource keys of the page's
/// title, empty list, new-name heading, duplicate-name error and saved notice.</summary>
public sealed record NamesTexts(string Path, string AuditSubject, string Title, string None, string New, string Exists, string Saved);

/// <summary>What the shared view <c>_NamesPage</c> shows, whatever kind of names the page manages.</summary>
public interface INamesPage
{
    NamesTexts Texts { get; }
    IReadOnlyList<INamedInLanguages> Names { get; }
    NamesInput Input { get; }
}

/// <summary>
/// A list of names in fi/sv/en that coordinators manage (themes, series): the page lists them, and one form adds a
/// name or renames the one chosen with <c>?edit=id</c>. A Finnish name may be used once, in any case. Saving is
/// audited and clears the public pages' cache, as the names show in the event list's filters and on event pages.
/// The shared view <c>_NamesPage</c> shows it with the texts of <see cref="Texts"/>.
/// </summary>
[Authorize(Policy = Policies.Coordinator)]
public abstract class NamesPageModel<T>(YhdessaDb db, AuditLog audit, IOutputCacheStore cache, IStringLocalizer<EventsText> e)
    : PageModel, INamesPage where T : class, INamedInLanguages, new()
{
    [BindProperty] public NamesInput Input { get; set; } = new();
    public List<T> Items { get; private set; } = [];
    public abstract NamesTexts Texts { get; }
    IReadOnlyList<INamedInLanguages> INamesPage.Names => Items;

    /// <summary>Called before a new name is added, e.g. to give it a unique address.</summary>
    protected virtual void Adding(T item, IReadOnlyList<T> existing) { }

    public async Task<IActionResult> OnGetAsync(int? edit, CancellationToken cancellationToken)
    {
        Items = await db.Set<T>().AsNoTracking().OrderBy(t => t.NameFi).ToListAsync(cancellationToken);
        if (edit is not null)
        {
            if (Items.FirstOrDefault(t => t.Id == edit) is not { } item) return NotFound();
            Input = new NamesInput { Id = item.Id, NameFi = item.NameFi, NameSv = item.NameSv, NameEn = item.NameEn };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Items = await db.Set<T>().OrderBy(t => t.NameFi).ToListAsync(cancellationToken);
        var item = Input.Id is { } id ? Items.FirstOrDefault(t => t.Id == id) : new T();
        if (item is null) return NotFound();
        if (Items.Any(t => t.Id != Input.Id && string.Equals(t.NameFi, Input.NameFi?.Trim(), StringComparison.OrdinalIgnoreCase)))
            ModelState.AddModelError("Input.NameFi", e[Texts.Exists]);
        if (!ModelState.IsValid) return Page();

        item.NameFi = Input.NameFi.Trim();
        item.NameSv = TextInput.TrimToNull(Input.NameSv);
        item.NameEn = TextInput.TrimToNull(Input.NameEn);
        if (Input.Id is null)
        {
            Adding(item, Items);
            db.Set<T>().Add(item);
        }
        audit.Record($"events.{Texts.AuditSubject}.{(Input.Id is null ? "created" : "edited")}", $"{Texts.AuditSubject}:{item.NameFi}");
        await db.SaveChangesAsync(cancellationToken);
        await cache.EvictByTagAsync(PublicPages.Tag, cancellationToken);
        TempData["Notice"] = (string)e[Texts.Saved];
        return Redirect(Texts.Path);
    }
}
