using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration;
using Yhdessa.Features.Network.Data;
using Yhdessa.Features.Network.Groups;
using Yhdessa.Features.Network.Organisations;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Places;
using Yhdessa.Platform.Text;
using Group = Yhdessa.Features.Network.Data.Group;

namespace Yhdessa.Features.Events.Manage;

/// <summary>Coordinators create (<c>/events/new</c>) and edit (<c>/events/{key}/edit</c>) events; New.cshtml and
/// Edit.cshtml share this model and _EventForm.cshtml.</summary>
[Authorize(Policy = Policies.Coordinator)]
public partial class EventFormModel(
    YhdessaDb db, EventCatalogue catalogue, Municipalities municipalities, UserManager<User> users, AuditLog audit,
    IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<EventsText> e, Registrations registrations,
    IStringLocalizer<RegistrationText> r, OrganisationDirectory organisations, GroupService groups) : PageModel
{
    public sealed class SpeakerInput
    {
        [StringLength(EventLimits.Name, ErrorMessage = "TooLong"), Display(Name = "Events_SpeakerName")]
        public string? Name { get; set; }
        [StringLength(256, ErrorMessage = "TooLong"), Display(Name = "Events_SpeakerEmail")]
        public string? Email { get; set; }
        public bool ExpertByExperience { get; set; }
    }

    public sealed class MaterialInput
    {
        [StringLength(EventLimits.Name, ErrorMessage = "TooLong"), Display(Name = "Events_MaterialTitle")]
        public string? Title { get; set; }
        [StringLength(EventLimits.Url, ErrorMessage = "TooLong"), Display(Name = "Events_MaterialUrl")]
        public string? Url { get; set; }
    }

    public sealed class EventInput
    {
        [Required(ErrorMessage = "Required"), Display(Name = "Events_Type")]
        public EventType? Type { get; set; }
        [Required(ErrorMessage = "Required"), StringLength(EventLimits.Title, ErrorMessage = "TooLong"), Display(Name = "Events_TitleFi")]
        public string TitleFi { get; set; } = "";
        [StringLength(EventLimits.Title, ErrorMessage = "TooLong"), Display(Name = "Events_TitleSv")]
        public string? TitleSv { get; set; }
        [StringLength(EventLimits.Title, ErrorMessage = "TooLong"), Display(Name = "Events_TitleEn")]
        public string? TitleEn { get; set; }
        [Required(ErrorMessage = "Required"), StringLength(EventLimits.Description, ErrorMessage = "TooLong"), Display(Name = "Events_DescriptionFi")]
        public string DescriptionFi { get; set; } = "";
        [StringLength(EventLimits.Description, ErrorMessage = "TooLong"), Display(Name = "Events_DescriptionSv")]
        public string? DescriptionSv { get; set; }
        [StringLength(EventLimits.Description, ErrorMessage = "TooLong"), Display(Name = "Events_DescriptionEn")]
        public string? DescriptionEn { get; set; }
        [Required(ErrorMessage = "Required"), Display(Name = "Events_Starts")]
        public DateTime? Starts { get; set; }
        [Required(ErrorMessage = "Required"), Display(Name = "Events_Ends")]
        public DateTime? Ends { get; set; }
        [StringLength(EventLimits.Address, ErrorMessage = "TooLong"), Display(Name = "Events_Address")]
        public string? Address { get; set; }
        [StringLength(3, ErrorMessage = "TooLong"), Display(Name = "Events_Municipality")]
        public string? MunicipalityCode { get; set; }
        [StringLength(EventLimits.Url, ErrorMessage = "TooLong"), Display(Name = "Events_OnlineUrl")]
        public string? OnlineUrl { get; set; }
        [Range(1, EventLimits.MaxCapacity, ErrorMessage = "Events_CapacityRange"), Display(Name = "Events_Capacity")]
        public int? Capacity { get; set; }
        [Display(Name = "Events_RegistrationOpens")]
        public DateTime? RegistrationOpens { get; set; }
        [Display(Name = "Events_RegistrationCloses")]
        public DateTime? RegistrationCloses { get; set; }
        [Required(ErrorMessage = "Required"), Display(Name = "Events_Visibility")]
        public EventVisibility? Visibility { get; set; } = EventVisibility.Public;
        [Display(Name = "Events_Group")]
        public int? GroupId { get; set; }
        [Display(Name = "Events_Series")]
        public int? SeriesId { get; set; }
        public List<int> OrganisationIds { get; set; } = [];
        public List<int> ThemeIds { get; set; } = [];
        public List<SpeakerInput> Speakers { get; set; } = [];
        public List<MaterialInput> Materials { get; set; } = [];
        /// <summary>On editing: email the registered people if the time, place or online link changes.</summary>
        public bool TellParticipants { get; set; } = true;
    }

    [BindProperty] public EventInput Input { get; set; } = new();
    public Event? Existing { get; private set; }
    public string Heading => Existing is null ? e["NewEvent"] : e["EditEventTitle", Existing.TitleFi];
    public Municipalities Municipalities => municipalities;
    public List<Organisation> Organisations { get; private set; } = [];
    public List<EventTheme> Themes { get; private set; } = [];
    public List<EventSeries> Series { get; private set; } = [];
    public List<Group> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? key, CancellationToken cancellationToken)
    {
        if (key is not null)
        {
            Existing = await catalogue.FindAsync(Viewer.From(User), key, cancellationToken);
            if (Existing is null) return NotFound();
            var ev = Existing;
            var speakerEmails = await SpeakerEmailsAsync(ev, cancellationToken);
            Input = new EventInput
            {
                Type = ev.Type, TitleFi = ev.TitleFi, TitleSv = ev.TitleSv, TitleEn = ev.TitleEn,
                DescriptionFi = ev.DescriptionFi, DescriptionSv = ev.DescriptionSv, DescriptionEn = ev.DescriptionEn,
                Starts = Local(ev.StartsAt), Ends = Local(ev.EndsAt), Address = ev.Address, MunicipalityCode = ev.MunicipalityCode,
                OnlineUrl = ev.OnlineUrl, Capacity = ev.Capacity, RegistrationOpens = Local(ev.RegistrationOpensAt),
                RegistrationCloses = Local(ev.RegistrationClosesAt), Visibility = ev.Visibility, GroupId = ev.GroupId, SeriesId = ev.SeriesId,
                OrganisationIds = [.. ev.Organisers.Select(o => o.OrganisationId)],
                ThemeIds = [.. ev.Themes.Select(t => t.ThemeId)],
                Speakers = [.. ev.Speakers.OrderBy(s => s.Position).Select(s => new SpeakerInput
                    { Name = s.Name, Email = s.UserId is null ? null : speakerEmails.GetValueOrDefault(s.UserId), ExpertByExperience = s.IsExpertByExperience })],
                Materials = [.. ev.Materials.OrderBy(m => m.Position).Select(m => new MaterialInput { Title = m.Title, Url = m.Url })],
            };
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? key, CancellationToken cancellationToken)
    {
        if (key is not null)
        {
            Existing = await catalogue.FindAsync(Viewer.From(User), key, cancellationToken);
            if (Existing is null) return NotFound();
        }
        await LoadChoicesAsync(cancellationToken);
        var input = Input;
        var code = TextInput.TrimToNull(input.MunicipalityCode);
        if (code is not null && municipalities.Find(code) is null)
            ModelState.AddModelError("Input.MunicipalityCode", e["UnknownMunicipality"]);
        var online = TextInput.TrimToNull(input.OnlineUrl);
        if (online is not null && !TextInput.IsWebAddress(online))
            ModelState.AddModelError("Input.OnlineUrl", e["UrlInvalid"]);
        if (input.Type is { } type && !Enum.IsDefined(type)) ModelState.AddModelError("Input.Type", e["ChooseType"]);
        if (input.Visibility is { } visibility && !Enum.IsDefined(visibility)) ModelState.AddModelError("Input.Visibility", e["ChooseVisibility"]);
        if (input.Visibility == EventVisibility.Group && !Groups.Any(g => g.Id == input.GroupId))
            ModelState.AddModelError("Input.GroupId", e["ChooseGroup"]);
        if (input.SeriesId is { } seriesId && !Series.Any(s => s.Id == seriesId)) ModelState.AddModelError("Input.SeriesId", e["ChooseSeries"]);
        foreach (var (field, text) in new[] { ("DescriptionFi", input.DescriptionFi), ("DescriptionSv", input.DescriptionSv), ("DescriptionEn", input.DescriptionEn) })
            if (text is not null && HtmlTag().IsMatch(text)) ModelState.AddModelError("Input." + field, e["NoHtml"]);

        var starts = ToUtc(input.Starts, "Input.Starts");
        var ends = ToUtc(input.Ends, "Input.Ends");
        var opens = ToUtc(input.RegistrationOpens, "Input.RegistrationOpens");
        var closes = ToUtc(input.RegistrationCloses, "Input.RegistrationCloses");
        // Seats mean registration: without times it is open from publication until the event starts (an event with seats
        // and no registration at all was what a coordinator got before, without a word).
        if (input.Capacity is not null && opens is null && closes is null) closes = starts;
        if (starts is not null && ends is not null && ends <= starts) ModelState.AddModelError("Input.Ends", e["EndBeforeStart"]);
        if (closes is not null && ends is not null && closes > ends) ModelState.AddModelError("Input.RegistrationCloses", e["ClosesAfterEnd"]);
        if (opens is not null && closes is not null && opens >= closes) ModelState.AddModelError("Input.RegistrationOpens", e["OpensAfterCloses"]);

        var organisationIds = input.OrganisationIds.Distinct().ToList();
        if (organisationIds.Any(id => Organisations.All(o => o.Id != id))) ModelState.AddModelError("Input.OrganisationIds", e["UnknownChoice"]);
        var themeIds = input.ThemeIds.Distinct().ToList();
        if (themeIds.Any(id => Themes.All(t => t.Id != id))) ModelState.AddModelError("Input.ThemeIds", e["UnknownChoice"]);

        var speakers = new List<EventSpeaker>();
        for (var i = 0; i < input.Speakers.Count; i++)
        {
            var s = input.Speakers[i];
            var name = TextInput.TrimToNull(s.Name);
            var email = TextInput.TrimToNull(s.Email);
            if (name is null && email is null) continue;
            User? user = null;
            if (email is not null && (user = await users.FindByEmailAsync(email)) is null)
                ModelState.AddModelError($"Input.Speakers[{i}].Email", e["NoSuchMember"]);
            speakers.Add(new EventSpeaker { Name = name ?? user?.DisplayName ?? "", UserId = user?.Id, IsExpertByExperience = s.ExpertByExperience, Position = speakers.Count });
        }
        if (speakers.Count > EventLimits.MaxSpeakers) ModelState.AddModelError("Input.Speakers", e["TooManyRows", EventLimits.MaxSpeakers]);

        var materials = new List<EventMaterial>();
        for (var i = 0; i < input.Materials.Count; i++)
        {
            var m = input.Materials[i];
            var title = TextInput.TrimToNull(m.Title);
            var url = TextInput.TrimToNull(m.Url);
            if (title is null && url is null) continue;
            if (url is null || !TextInput.IsWebAddress(url)) ModelState.AddModelError($"Input.Materials[{i}].Url", e["UrlInvalid"]);
            if (title is null) ModelState.AddModelError($"Input.Materials[{i}].Title", e["MaterialTitleRequired"]);
            materials.Add(new EventMaterial { Title = title ?? "", Url = url ?? "", Position = materials.Count });
        }
        if (materials.Count > EventLimits.MaxMaterials) ModelState.AddModelError("Input.Materials", e["TooManyRows", EventLimits.MaxMaterials]);
        if (!ModelState.IsValid) return Page();

        if (Existing is null)
        {
            var created = new Event { CreatedAt = clock.GetUtcNow(), Status = EventStatus.Scheduled };
            Apply(created, isNew: true);
            created.Slug = await catalogue.UniqueSlugAsync(created.TitleFi, null, cancellationToken);
            db.Events.Add(created);
            audit.Record("events.event.created", "event:" + created.Slug);
            await db.SaveChangesAsync(cancellationToken);
            await cache.EvictByTagAsync(PublicPages.Tag, cancellationToken);
            TempData["Notice"] = (string)e["EventSaved"];
            return Redirect("/events/" + created.Slug);
        }

        // The capacity may not drop below the seats already given; a larger capacity or a later closing time offers the
        // freed seats to those waiting.
        var told = 0;
        var refusedBelow = await registrations.ChangeEventAsync(Existing.Id, input.Capacity, async () =>
        {
            // Read again inside the lock: a retried attempt starts with an empty change tracker.
            Existing = await catalogue.FindAsync(Viewer.From(User), key!, cancellationToken) ?? Existing;
            var before = new Event
            {
                StartsAt = Existing.StartsAt, EndsAt = Existing.EndsAt, Address = Existing.Address,
                MunicipalityCode = Existing.MunicipalityCode, OnlineUrl = Existing.OnlineUrl
            };
            Apply(Existing, isNew: false);
            audit.Record("events.event.edited", "event:" + Existing.Slug);
            // People put the event in their calendars from the confirmation email: a new time or place must reach them.
            told = input.TellParticipants
                ? await registrations.TellOfChangeAsync(Existing, EventChange.Between(before, Existing), cancellationToken)
                : 0;
        }, cancellationToken);
        if (refusedBelow is { } held)
        {
            ModelState.AddModelError("Input.Capacity", r["CapacityBelowConfirmed", held]);
            return Page();
        }
        await cache.EvictByTagAsync(PublicPages.Tag, cancellationToken);
        TempData["Notice"] = told > 0 ? (string)e["EventSavedParticipantsTold", told] : (string)e["EventSaved"];
        return Redirect("/events/" + Existing.Slug);

        void Apply(Event ev, bool isNew)
        {
            var now = clock.GetUtcNow();
            // What a calendar shows: a change here bumps the iCalendar SEQUENCE so subscribed calendars update the entry.
            var before = CalendarFacts(ev);
            ev.Type = input.Type!.Value;
            ev.TitleFi = input.TitleFi.Trim();
            ev.TitleSv = TextInput.TrimToNull(input.TitleSv);
            ev.TitleEn = TextInput.TrimToNull(input.TitleEn);
            ev.DescriptionFi = input.DescriptionFi.Trim();
            ev.DescriptionSv = TextInput.TrimToNull(input.DescriptionSv);
            ev.DescriptionEn = TextInput.TrimToNull(input.DescriptionEn);
            ev.StartsAt = starts!.Value;
            ev.EndsAt = ends!.Value;
            ev.Address = TextInput.TrimToNull(input.Address);
            ev.MunicipalityCode = code;
            ev.OnlineUrl = online;
            ev.Capacity = input.Capacity;
            ev.RegistrationOpensAt = opens;
            ev.RegistrationClosesAt = closes;
            ev.Visibility = input.Visibility!.Value;
            ev.GroupId = ev.Visibility == EventVisibility.Group ? input.GroupId : null;
            ev.SeriesId = input.SeriesId;
            ev.UpdatedAt = now;
            if (!isNew && CalendarFacts(ev) != before) ev.Revision++;

            ev.Organisers.RemoveAll(o => !organisationIds.Contains(o.OrganisationId));
            foreach (var id in organisationIds.Where(id => ev.Organisers.All(o => o.OrganisationId != id)))
                ev.Organisers.Add(new EventOrganiser { OrganisationId = id });
            ev.Themes.RemoveAll(t => !themeIds.Contains(t.ThemeId));
            foreach (var id in themeIds.Where(id => ev.Themes.All(t => t.ThemeId != id)))
                ev.Themes.Add(new EventThemeLink { ThemeId = id });
            db.RemoveRange(ev.Speakers);
            ev.Speakers = speakers;
            db.RemoveRange(ev.Materials);
            ev.Materials = materials;
        }
    }

    private static string CalendarFacts(Event ev) => string.Join('\u001f', ev.TitleFi, ev.TitleSv, ev.TitleEn, ev.DescriptionFi,
        ev.DescriptionSv, ev.DescriptionEn, ev.StartsAt.UtcTicks, ev.EndsAt.UtcTicks, ev.Address, ev.MunicipalityCode, ev.OnlineUrl, ev.Status);

    private static DateTime? Local(DateTimeOffset? moment) => moment is { } m ? HelsinkiTime.ToHelsinki(m).DateTime : null;

    /// <summary>A Helsinki wall-clock time to UTC; the hour skipped when clocks go forward is refused.</summary>
    private DateTimeOffset? ToUtc(DateTime? local, string field)
    {
        if (local is not { } value) return null;
        var unspecified = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
        if (HelsinkiTime.Zone.IsInvalidTime(unspecified))
        {
            ModelState.AddModelError(field, e["InvalidLocalTime"]);
            return null;
        }
        return new DateTimeOffset(unspecified, HelsinkiTime.Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    private async Task<Dictionary<string, string>> SpeakerEmailsAsync(Event ev, CancellationToken cancellationToken)
    {
        var ids = ev.Speakers.Where(s => s.UserId is not null).Select(s => s.UserId!).ToList();
        return await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? "", cancellationToken);
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Organisations = await organisations.ChoicesAsync(cancellationToken);
        Themes = await catalogue.ThemesAsync(cancellationToken);
        Series = await db.EventSeries.AsNoTracking().OrderBy(s => s.NameFi).ToListAsync(cancellationToken);
        Groups = await groups.ChoicesAsync(cancellationToken);
        // Room for new rows: the form works without JavaScript, so empty rows are offered up front.
        while (Input.Speakers.Count < Math.Min(EventLimits.MaxSpeakers, Input.Speakers.Count(s => !string.IsNullOrWhiteSpace(s.Name) || !string.IsNullOrWhiteSpace(s.Email)) + 3))
            Input.Speakers.Add(new SpeakerInput());
        while (Input.Materials.Count < Math.Min(EventLimits.MaxMaterials, Input.Materials.Count(m => !string.IsNullOrWhiteSpace(m.Title) || !string.IsNullOrWhiteSpace(m.Url)) + 2))
            Input.Materials.Add(new MaterialInput());
    }

    // Descriptions are Markdown: HTML tags are refused with a message rather than silently stripped.
    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z!][^>]*>")]
    private static partial Regex HtmlTag();
}
