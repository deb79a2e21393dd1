using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Materials.Podcast;
using Yhdessa.Features.Materials.Search;
using Yhdessa.Features.Network.Data;
using Yhdessa.Features.Network.Organisations;
using Yhdessa.Features.Network.People;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Materials.Manage;

/// <summary>Members propose (<c>/materials/new</c>) and edit their drafts; coordinators edit everything
/// (<c>/materials/{slug}/edit</c>). A change to a published material keeps the earlier text as a version.
/// New.cshtml and Edit.cshtml share this model and _MaterialForm.cshtml.</summary>
[Authorize(Policy = Policies.SignedIn)]
public class MaterialFormModel(YhdessaDb db, MaterialCatalogue catalogue, EventCatalogue events, OrganisationDirectory directory,
    PublicPeople publicPeople, AuditLog audit, TimeProvider clock, IStringLocalizer<MaterialsText> m) : PageModel
{
    public const int BlankLinks = 3;
    /// <summary>How many found events, organisations and people are offered at once; a search narrows them down.</summary>
    public const int Choices = 30;

    public sealed class LinkInput
    {
        [StringLength(MaterialLimits.Name, ErrorMessage = "TooLong"), Display(Name = "Materials_LinkTitle")]
        public string? Title { get; set; }
        [StringLength(MaterialLimits.Url, ErrorMessage = "TooLong"), Display(Name = "Materials_LinkUrl")]
        public string? Url { get; set; }
    }

    public sealed class MaterialInput
    {
        [Required(ErrorMessage = "Required"), Display(Name = "Materials_Type")]
        public MaterialType? Type { get; set; }
        [Required(ErrorMessage = "Required"), Display(Name = "Materials_Language")]
        public string? Language { get; set; } = "fi";
        [Required(ErrorMessage = "Required"), StringLength(MaterialLimits.Title, ErrorMessage = "TooLong"), Display(Name = "Materials_Title")]
        public string Title { get; set; } = "";
        [Required(ErrorMessage = "Required"), StringLength(MaterialLimits.Summary, ErrorMessage = "TooLong"), Display(Name = "Materials_Summary")]
        public string Summary { get; set; } = "";
        [StringLength(MaterialLimits.Body, ErrorMessage = "TooLong"), Display(Name = "Materials_Body")]
        public string? Body { get; set; }
        [StringLength(1000, ErrorMessage = "TooLong"), Display(Name = "Materials_Tags")]
        public string? Tags { get; set; }
        [Required(ErrorMessage = "Required"), Display(Name = "Materials_PublicationDate")]
        public DateOnly? PublicationDate { get; set; }
        [StringLength(MaterialLimits.Licence, ErrorMessage = "TooLong"), Display(Name = "Materials_Licence")]
        public string? Licence { get; set; }
        [StringLength(1000, ErrorMessage = "TooLong"), Display(Name = "Materials_People")]
        public string? People { get; set; }
        [StringLength(MaterialLimits.Slug + 20, ErrorMessage = "TooLong"), Display(Name = "Materials_TranslationOf")]
        public string? TranslationOf { get; set; }
        public List<int> ThemeIds { get; set; } = [];
        public List<int> OrganisationIds { get; set; } = [];
        public List<int> ProfileIds { get; set; } = [];
        public List<int> EventIds { get; set; } = [];
        public List<LinkInput> Links { get; set; } = [];
        /// <summary>A podcast episode's own fields, read only when the type is podcast episode. Text, not numbers, so
        /// that "kolme" gets this form's own message rather than the model binder's.</summary>
        public string? EpisodeNumber { get; set; }
        public string? Season { get; set; }
        public string? Duration { get; set; }
        public string? Transcript { get; set; }
        public string? ShowNotes { get; set; }
        public bool Explicit { get; set; }
    }

    [BindProperty] public MaterialInput Input { get; set; } = new();
    /// <summary>The author search and event filters: they only change which choices the form offers.</summary>
    [BindProperty] public string? AuthorSearch { get; set; }
    [BindProperty] public string? EventSearch { get; set; }
    [BindProperty] public int? EventYear { get; set; }
    public Material? Existing { get; private set; }
    public List<EventTheme> Themes { get; private set; } = [];
    /// <summary>The chosen ones first, then those the search found.</summary>
    public List<DirectoryRow> Organisations { get; private set; } = [];
    public List<PublicPerson> People { get; private set; } = [];
    public List<Event> Events { get; private set; } = [];
    public int EventMatches { get; private set; }
    public List<int> EventYears { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        if (slug is not null)
        {
            if (await LoadAsync(slug, cancellationToken) is { } refused) return refused;
            var x = Existing!;
            var translation = await db.Materials.Where(o => o.TranslationKey == x.TranslationKey && o.Id != x.Id)
                .Select(o => o.Slug).FirstOrDefaultAsync(cancellationToken);
            Input = new MaterialInput
            {
                Type = x.Type, Language = x.Language, Title = x.Title, Summary = x.Summary, Body = x.Body,
                Tags = string.Join(", ", x.Tags), PublicationDate = x.PublicationDate, Licence = x.Licence,
                People = string.Join(", ", x.Authors.Where(a => a.OrganisationId is null && a.ProfileId is null).OrderBy(a => a.Position).Select(a => a.Name)),
                TranslationOf = translation,
                ThemeIds = [.. x.Themes.Select(t => t.ThemeId)],
                OrganisationIds = [.. x.Authors.Where(a => a.OrganisationId is not null).Select(a => a.OrganisationId!.Value)],
                ProfileIds = [.. x.Authors.Where(a => a.ProfileId is not null).Select(a => a.ProfileId!.Value)],
                EventIds = [.. x.Events.Select(e => e.EventId)],
                Links = [.. x.Links.OrderBy(l => l.Position).Select(l => new LinkInput { Title = l.Title, Url = l.Url })],
                EpisodeNumber = x.Episode?.Number.ToString(CultureInfo.InvariantCulture),
                Season = x.Episode?.Season?.ToString(CultureInfo.InvariantCulture),
                Duration = x.Episode is { } episode ? EpisodeDuration.Text(episode.DurationSeconds) : null,
                Transcript = x.Episode?.Transcript, ShowNotes = x.Episode?.ShowNotes, Explicit = x.Episode?.Explicit ?? false,
            };
        }
        else
        {
            Input.PublicationDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            Input.Licence = MaterialsDisplay.Licences[0];
        }
        PadLinks();
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    /// <summary>Null when the viewer may edit the material; otherwise the answer to give.</summary>
    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        Existing = await catalogue.FindAsync(slug, cancellationToken);
        if (Existing is null || !MaterialCatalogue.MaySee(User, Existing)) return NotFound();
        return MaterialCatalogue.MayEdit(User, Existing) ? null : Forbid();
    }

    private void PadLinks()
    {
        while (Input.Links.Count(l => string.IsNullOrWhiteSpace(l.Title) && string.IsNullOrWhiteSpace(l.Url)) < BlankLinks
               && Input.Links.Count < MaterialLimits.MaxLinks) Input.Links.Add(new LinkInput());
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Themes = await events.ThemesAsync(cancellationToken);

        // Authors through the network directory's own services: organisations, and people whose profile is public.
        var chosenOrganisations = Input.OrganisationIds.Distinct().ToList();
        var organisations = directory.Matching(new DirectoryQuery(null, null, null, 1, Choices));
        Organisations = await Rows(organisations.Where(o => chosenOrganisations.Contains(o.Id))).ToListAsync(cancellationToken);
        Organisations.AddRange(await Rows(directory.Matching(new DirectoryQuery(AuthorSearch, null, null, 1, Choices))
            .Where(o => !chosenOrganisations.Contains(o.Id))).Take(Choices).ToListAsync(cancellationToken));
        People = [.. (await publicPeople.FindAsync(Input.ProfileIds, cancellationToken)).Values.OrderBy(p => p.Name)];
        People.AddRange((await publicPeople.SearchAsync(AuthorSearch, Choices + People.Count, cancellationToken))
            .Where(p => !Input.ProfileIds.Contains(p.ProfileId)).Take(Choices));

        // Events: thousands over the years, so the form offers the newest that match a name and a year, and
        // always those already chosen, so that saving does not drop an old link.
        var publicEvents = events.VisibleTo(Viewer.Anonymous).AsNoTracking();
        var matching = publicEvents;
        if (TextInput.TrimToNull(EventSearch) is { } text)
        {
            var lower = (text.Length > 100 ? text[..100] : text).ToLowerInvariant();
            matching = matching.Where(e => e.TitleFi.ToLower().Contains(lower) || (e.TitleSv != null && e.TitleSv.ToLower().Contains(lower))
                || (e.TitleEn != null && e.TitleEn.ToLower().Contains(lower)));
        }
        if (EventYear is { } year and > 1900 and < 3000)
        {
            var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var until = from.AddYears(1);
            matching = matching.Where(e => e.StartsAt >= from && e.StartsAt < until);
        }
        EventMatches = await matching.CountAsync(cancellationToken);
        var chosenEvents = Input.EventIds.Distinct().ToList();
        Events = await events.WithIdsAsync(chosenEvents, cancellationToken);
        Events.AddRange(await matching.Where(e => !chosenEvents.Contains(e.Id)).OrderByDescending(e => e.StartsAt).Take(Choices).ToListAsync(cancellationToken));
        var first = await publicEvents.OrderBy(e => e.StartsAt).Select(e => (DateTimeOffset?)e.StartsAt).FirstOrDefaultAsync(cancellationToken);
        var last = await publicEvents.OrderByDescending(e => e.StartsAt).Select(e => (DateTimeOffset?)e.StartsAt).FirstOrDefaultAsync(cancellationToken);
        if (first is { } f && last is { } l) EventYears = [.. Enumerable.Range(f.Year, l.Year - f.Year + 1).Reverse()];
    }

    private static IQueryable<DirectoryRow> Rows(IQueryable<Organisation> organisations) => organisations.OrderBy(o => o.NameFi)
        .Select(o => new DirectoryRow(o.Id, o.Slug, o.NameFi, o.NameSv, o.NameEn, o.Sector, o.MunicipalityCode, o.Website));

    /// <summary>The author search or the event filter: the same form again with what was typed, and other choices.</summary>
    public async Task<IActionResult> OnPostFindAsync(string? slug, CancellationToken cancellationToken)
    {
        if (slug is not null && await LoadAsync(slug, cancellationToken) is { } refused) return refused;
        ModelState.Clear();
        PadLinks();
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? slug, CancellationToken cancellationToken)
    {
        if (slug is not null && await LoadAsync(slug, cancellationToken) is { } refused) return refused;
        await LoadChoicesAsync(cancellationToken);
        var input = Input;
        if (input.Type is { } type && !Enum.IsDefined(type)) ModelState.AddModelError("Input.Type", m["ChooseType"]);
        if (input.Language is not null && !MaterialAnalyzers.LanguageCodes.Contains(input.Language))
            ModelState.AddModelError("Input.Language", m["ChooseLanguage"]);
        if (input.PublicationDate is { } date && (date.Year < 1950 || date > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(1)))
            ModelState.AddModelError("Input.PublicationDate", m["DateOutOfRange"]);
        var licence = TextInput.TrimToNull(input.Licence);
        if (licence is not null && !MaterialsDisplay.Licences.Contains(licence)) ModelState.AddModelError("Input.Licence", m["ChooseLicence"]);
        var tags = Split(input.Tags);
        if (tags.Count > MaterialLimits.MaxTags || tags.Any(t => t.Length > MaterialLimits.Tag)) ModelState.AddModelError("Input.Tags", m["TooManyTags"]);
        var people = Split(input.People);
        if (people.Count > MaterialLimits.MaxAuthors || people.Any(p => p.Length > MaterialLimits.Name)) ModelState.AddModelError("Input.People", m["TooManyPeople"]);
        if (input.ThemeIds.Except(Themes.Select(t => t.Id)).Any()) ModelState.AddModelError("Input.ThemeIds", m["UnknownChoice"]);
        // A choice must be one the form could have offered, or one the material already had.
        var organisationIds = input.OrganisationIds.Distinct().ToList();
        if (await directory.Matching(new DirectoryQuery(null, null, null, 1, 1)).CountAsync(o => organisationIds.Contains(o.Id), cancellationToken) != organisationIds.Count)
            ModelState.AddModelError("Input.OrganisationIds", m["UnknownChoice"]);
        var existingAuthors = Existing?.Authors.Where(a => a.ProfileId is not null).Select(a => a.ProfileId!.Value).ToHashSet() ?? [];
        var publicAuthors = await publicPeople.FindAsync(input.ProfileIds, cancellationToken);
        if (input.ProfileIds.Any(id => !publicAuthors.ContainsKey(id) && !existingAuthors.Contains(id)))
            ModelState.AddModelError("Input.ProfileIds", m["UnknownChoice"]);
        if (people.Count + input.OrganisationIds.Count + input.ProfileIds.Count > MaterialLimits.MaxAuthors)
            ModelState.AddModelError("Input.People", m["TooManyPeople"]);
        var eventIds = input.EventIds.Distinct().ToList();
        var linkedEvents = Existing?.Events.Select(e => e.EventId).ToList() ?? [];
        var publicEvents = await events.VisibleTo(Viewer.Anonymous).Where(e => eventIds.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken);
        if (eventIds.Any(id => !publicEvents.Contains(id) && !linkedEvents.Contains(id))) ModelState.AddModelError("Input.EventIds", m["UnknownChoice"]);
        if (input.Links.Count > MaterialLimits.MaxLinks + BlankLinks) ModelState.AddModelError("Input.Links", m["TooManyLinks"]);
        for (var i = 0; i < input.Links.Count; i++)
        {
            var link = input.Links[i];
            var hasTitle = !string.IsNullOrWhiteSpace(link.Title);
            var url = TextInput.TrimToNull(link.Url);
            if (url is not null && !TextInput.IsWebAddress(url)) ModelState.AddModelError($"Input.Links[{i}].Url", m["UrlInvalid"]);
            else if (hasTitle && url is null) ModelState.AddModelError($"Input.Links[{i}].Url", m["LinkNeedsUrl"]);
        }
        var episode = input.Type == MaterialType.PodcastEpisode ? ReadEpisode(input) : null;
        Material? translationOf = null;
        var translationSlug = TextInput.TrimToNull(input.TranslationOf)?.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (translationSlug is not null)
        {
            translationOf = await db.Materials.FirstOrDefaultAsync(x => x.Slug == translationSlug, cancellationToken);
            if (translationOf is null || translationOf.Id == Existing?.Id || !MaterialCatalogue.MaySee(User, translationOf))
                ModelState.AddModelError("Input.TranslationOf", m["UnknownMaterial"]);
        }
        if (!ModelState.IsValid)
        {
            PadLinks();
            return Page();
        }

        var now = clock.GetUtcNow();
        var material = Existing;
        var isNew = material is null;
        if (material is null)
        {
            material = new Material
            {
                Slug = await catalogue.NewSlugAsync(input.Title, cancellationToken), Status = MaterialStatus.Draft,
                CreatedById = User.FindFirstValue(ClaimTypes.NameIdentifier), CreatedAt = now,
            };
            db.Materials.Add(material);
        }
        else if (material.Title != input.Title.Trim() || material.Summary != input.Summary.Trim() || material.Body != (input.Body ?? "").Trim()
                 || material.PublicationDate != input.PublicationDate!.Value)
        {
            catalogue.KeepVersion(material);
        }
        material.Type = input.Type!.Value;
        material.Language = input.Language!;
        material.Title = input.Title.Trim();
        material.Summary = input.Summary.Trim();
        material.Body = (input.Body ?? "").Trim();
        material.Tags = tags;
        material.PublicationDate = input.PublicationDate!.Value;
        material.Licence = licence ?? "";
        material.UpdatedAt = now;
        // The fields of another type are left as they were: a type chosen by mistake and changed back loses nothing.
        if (episode is not null)
        {
            material.Episode ??= new PodcastEpisode();
            (material.Episode.Number, material.Episode.Season, material.Episode.DurationSeconds) = (episode.Number, episode.Season, episode.DurationSeconds);
            (material.Episode.Transcript, material.Episode.ShowNotes, material.Episode.Explicit) = (episode.Transcript, episode.ShowNotes, episode.Explicit);
        }
        if (translationOf is not null) material.TranslationKey = translationOf.TranslationKey;
        // The form shows the link it has; emptied, the material stands alone again (the others keep their shared key).
        else if (!isNew && translationSlug is null) material.TranslationKey = Guid.NewGuid();

        material.Themes.Clear();
        material.Themes.AddRange(input.ThemeIds.Distinct().Select(id => new MaterialThemeLink { ThemeId = id }));
        material.Events.Clear();
        material.Events.AddRange(input.EventIds.Distinct().Select(id => new MaterialEventLink { EventId = id }));
        material.Authors.Clear();
        var position = 0;
        foreach (var organisation in input.OrganisationIds.Distinct())
            material.Authors.Add(new MaterialAuthor { OrganisationId = organisation, Name = "", Position = position++ });
        // A person is named through her profile, only as long as it is public: no copy of her name is kept here.
        foreach (var profile in input.ProfileIds.Distinct())
            material.Authors.Add(new MaterialAuthor { ProfileId = profile, Name = "", Position = position++ });
        foreach (var person in people) material.Authors.Add(new MaterialAuthor { Name = person, Position = position++ });
        material.Links.Clear();
        position = 0;
        foreach (var link in input.Links.Where(l => TextInput.TrimToNull(l.Url) is not null))
            material.Links.Add(new MaterialLink { Title = TextInput.TrimToNull(link.Title) ?? link.Url!.Trim(), Url = link.Url!.Trim(), Position = position++ });

        audit.Record(isNew ? "material.created" : "material.edited", "material:" + material.Slug, material.Title);
        await db.SaveChangesAsync(cancellationToken);
        // Read back with its authors' organisations, whose names the index holds.
        if (!isNew) await catalogue.SyncAsync(await catalogue.FindAsync(material.Slug, cancellationToken) ?? material, cancellationToken);
        TempData["Notice"] = m[isNew ? "CreatedNotice" : "SavedNotice"].Value;
        return Redirect("/materials/" + material.Slug);
    }

    /// <summary>The episode's fields when they are all right; otherwise null, with each fault in the model state.</summary>
    private PodcastEpisode? ReadEpisode(MaterialInput input)
    {
        var faults = ModelState.ErrorCount;
        var culture = Languages.FormattingCulture(Languages.Current);
        static int? Whole(string? text) => int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var whole)
            && whole is > 0 and <= MaterialLimits.MaxEpisodeNumber ? whole : null;
        var number = Whole(input.EpisodeNumber);
        if (number is null) ModelState.AddModelError("Input.EpisodeNumber", m[string.IsNullOrWhiteSpace(input.EpisodeNumber) ? "EpisodeNumberRequired" : "EpisodeNumberInvalid"]);
        var season = Whole(input.Season);
        if (season is null && !string.IsNullOrWhiteSpace(input.Season)) ModelState.AddModelError("Input.Season", m["SeasonInvalid"]);
        var duration = EpisodeDuration.Parse(input.Duration);
        if (duration is null) ModelState.AddModelError("Input.Duration", m[string.IsNullOrWhiteSpace(input.Duration) ? "DurationRequired" : "DurationInvalid"]);
        var transcript = (input.Transcript ?? "").Trim();
        if (transcript.Length > MaterialLimits.Transcript)
            ModelState.AddModelError("Input.Transcript", m["TranscriptTooLong", MaterialLimits.Transcript.ToString("N0", culture)]);
        var showNotes = (input.ShowNotes ?? "").Trim();
        if (showNotes.Length > MaterialLimits.ShowNotes)
            ModelState.AddModelError("Input.ShowNotes", m["ShowNotesTooLong", MaterialLimits.ShowNotes.ToString("N0", culture)]);
        if (ModelState.ErrorCount > faults) return null;
        return new PodcastEpisode
        {
            Number = number!.Value, Season = season, DurationSeconds = duration!.Value, Transcript = transcript, ShowNotes = showNotes,
            Explicit = input.Explicit,
        };
    }

    private static List<string> Split(string? text) =>
        (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
