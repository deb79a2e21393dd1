using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Events.Registration;

/// <summary><c>/events/{key}/registration</c>: a coordinator sets an event's registration rules (approval, how long an
/// offered seat is held, a cap per organisation, reserved seats and their release) and its custom questions.
/// The capacity and the registration times are in the event form.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class SettingsModel(YhdessaDb db, EventCatalogue catalogue, Registrations registrations, AuditLog audit,
    IStringLocalizer<RegistrationText> r) : PageModel
{
    public const int MaxQuestions = 10;
    public const int MaxOptions = 20;

    public sealed class SettingsInput
    {
        public bool RequiresApproval { get; set; }
        public string? OfferHoldHours { get; set; }
        public string? CapPerOrganisation { get; set; }
        public string? ReservedSeats { get; set; }
        public ReservedGroup? ReservedFor { get; set; }
        public DateTime? ReservedUntil { get; set; }
    }

    public sealed class QuestionInput
    {
        public QuestionKind Kind { get; set; }
        public string? TextFi { get; set; }
        public string? TextSv { get; set; }
        public string? TextEn { get; set; }
        public bool IsRequired { get; set; }
        /// <summary>One option a line; the Swedish and English lists follow the Finnish one line by line.</summary>
        public string? OptionsFi { get; set; }
        public string? OptionsSv { get; set; }
        public string? OptionsEn { get; set; }
    }

    [BindProperty] public SettingsInput Input { get; set; } = new();
    [BindProperty] public QuestionInput Question { get; set; } = new();
    public Event Event { get; private set; } = null!;
    public List<EventQuestion> Questions { get; private set; } = [];
    public int SeatsHeld { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken)) return NotFound();
        var settings = await registrations.SettingsAsync(Event.Id, cancellationToken) ?? new EventRegistrationSettings();
        Input = new SettingsInput
        {
            RequiresApproval = settings.RequiresApproval,
            OfferHoldHours = settings.OfferHoldHours.ToString(CultureInfo.InvariantCulture),
            CapPerOrganisation = settings.CapPerOrganisation?.ToString(CultureInfo.InvariantCulture),
            ReservedSeats = settings.ReservedSeats > 0 ? settings.ReservedSeats.ToString(CultureInfo.InvariantCulture) : null,
            ReservedFor = settings.ReservedFor,
            ReservedUntil = settings.ReservedUntil is { } until ? HelsinkiTime.ToHelsinki(until).DateTime : null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken)) return NotFound();
        var hold = Number("Input.OfferHoldHours", Input.OfferHoldHours, 1, RegistrationLimits.MaxOfferHoldHours, "OfferHoldRange");
        if (string.IsNullOrWhiteSpace(Input.OfferHoldHours)) ModelState.AddModelError("Input.OfferHoldHours", r["OfferHoldRange", RegistrationLimits.MaxOfferHoldHours]);
        var cap = Number("Input.CapPerOrganisation", Input.CapPerOrganisation, 1, EventLimits.MaxCapacity, "CapRange");
        var reserved = Number("Input.ReservedSeats", Input.ReservedSeats, 0, EventLimits.MaxCapacity, "ReservedRange") ?? 0;
        if (Input.ReservedFor is { } group && !Enum.IsDefined(group)) ModelState.AddModelError("Input.ReservedFor", r["ChooseReservedGroup"]);
        if (reserved > 0 && Input.ReservedFor is null) ModelState.AddModelError("Input.ReservedFor", r["ChooseReservedGroup"]);
        if (reserved > 0 && Event.Capacity is { } capacity && reserved > capacity)
            ModelState.AddModelError("Input.ReservedSeats", r["ReservedOverCapacity", capacity]);
        if (reserved > 0 && Event.Capacity is null) ModelState.AddModelError("Input.ReservedSeats", r["ReservedNeedsCapacity"]);
        DateTimeOffset? until = null;
        if (Input.ReservedUntil is { } local)
        {
            var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            if (HelsinkiTime.Zone.IsInvalidTime(unspecified)) ModelState.AddModelError("Input.ReservedUntil", r["InvalidLocalTime"]);
            else until = new DateTimeOffset(unspecified, HelsinkiTime.Zone.GetUtcOffset(unspecified)).ToUniversalTime();
        }
        else if (ModelState["Input.ReservedUntil"] is { Errors.Count: > 0 } entry)
        {
            entry.Errors.Clear();
            ModelState.AddModelError("Input.ReservedUntil", r["InvalidLocalTime"]);
        }
        if (until is { } release && release >= Event.StartsAt) ModelState.AddModelError("Input.ReservedUntil", r["ReleaseBeforeStart"]);
        if (!ModelState.IsValid) return Page();

        var settings = await db.EventRegistrationSettings.FirstOrDefaultAsync(s => s.EventId == Event.Id, cancellationToken);
        if (settings is null) db.EventRegistrationSettings.Add(settings = new EventRegistrationSettings { EventId = Event.Id });
        settings.RequiresApproval = Input.RequiresApproval;
        settings.OfferHoldHours = hold!.Value;
        settings.CapPerOrganisation = cap;
        settings.ReservedSeats = reserved;
        settings.ReservedFor = reserved > 0 ? Input.ReservedFor : null;
        settings.ReservedUntil = reserved > 0 ? until : null;
        audit.Record("events.registration.settings", "event:" + Event.Slug);
        await db.SaveChangesAsync(cancellationToken);
        // Looser rules may have freed seats for those waiting.
        await registrations.OfferFreeSeatsAsync(Event.Id, cancellationToken);
        TempData["Notice"] = (string)r["SettingsSaved"];
        return Redirect($"/events/{Event.Slug}/registration");
    }

    public async Task<IActionResult> OnPostAddQuestionAsync(string key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken)) return NotFound();
        ModelState.Clear();
        var q = Question;
        var fi = Clean("Question.TextFi", q.TextFi, RegistrationLimits.QuestionText);
        if (fi is null) ModelState.AddModelError("Question.TextFi", r["QuestionTextRequired"]);
        var sv = Clean("Question.TextSv", q.TextSv, RegistrationLimits.QuestionText);
        var en = Clean("Question.TextEn", q.TextEn, RegistrationLimits.QuestionText);
        if (!Enum.IsDefined(q.Kind)) ModelState.AddModelError("Question.Kind", r["ChooseQuestionKind"]);
        if (Questions.Count >= MaxQuestions) ModelState.AddModelError("Question.TextFi", r["TooManyQuestions", MaxQuestions]);
        var options = new List<EventQuestionOption>();
        if (q.Kind == QuestionKind.Choice)
        {
            var optionsFi = Lines(q.OptionsFi);
            var optionsSv = Lines(q.OptionsSv);
            var optionsEn = Lines(q.OptionsEn);
            if (optionsFi.Count < 2) ModelState.AddModelError("Question.OptionsFi", r["OptionsRequired"]);
            if (optionsFi.Count > MaxOptions) ModelState.AddModelError("Question.OptionsFi", r["TooManyOptions", MaxOptions]);
            if (optionsSv.Count > 0 && optionsSv.Count != optionsFi.Count) ModelState.AddModelError("Question.OptionsSv", r["OptionsLineByLine"]);
            if (optionsEn.Count > 0 && optionsEn.Count != optionsFi.Count) ModelState.AddModelError("Question.OptionsEn", r["OptionsLineByLine"]);
            foreach (var (field, list) in new[] { ("Question.OptionsFi", optionsFi), ("Question.OptionsSv", optionsSv), ("Question.OptionsEn", optionsEn) })
                if (list.Any(o => o.Length > RegistrationLimits.OptionText || InputRules.HasInvisibleControl(o)))
                    ModelState.AddModelError(field, r["OptionTooLong", RegistrationLimits.OptionText]);
            options = optionsFi.Select((text, i) => new EventQuestionOption
            {
                TextFi = text, TextSv = optionsSv.ElementAtOrDefault(i), TextEn = optionsEn.ElementAtOrDefault(i), Position = i,
            }).ToList();
        }
        if (!ModelState.IsValid) return Page();
        db.EventQuestions.Add(new EventQuestion
        {
            EventId = Event.Id, Kind = q.Kind, TextFi = fi!, TextSv = sv, TextEn = en, IsRequired = q.IsRequired,
            Position = Questions.Count == 0 ? 0 : Questions.Max(x => x.Position) + 1, Options = options,
        });
        audit.Record("events.registration.question-added", "event:" + Event.Slug);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = (string)r["QuestionAdded"];
        return Redirect($"/events/{Event.Slug}/registration");
    }

    public async Task<IActionResult> OnPostRemoveQuestionAsync(string key, int questionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken)) return NotFound();
        // Removing a question removes its answers too; the page says so next to the button.
        var removed = await db.EventQuestions.Where(q => q.Id == questionId && q.EventId == Event.Id).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0) await audit.RecordNowAsync("events.registration.question-removed", "event:" + Event.Slug, cancellationToken: cancellationToken);
        TempData["Notice"] = (string)r["QuestionRemoved"];
        return Redirect($"/events/{Event.Slug}/registration");
    }

    private int? Number(string field, string? value, int min, int max, string message)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        ModelState.AddModelError(field, r[message, max]);
        return null;
    }

    private string? Clean(string field, string? value, int max)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is not null && (text.Length > max || InputRules.HasInvisibleControl(text))) ModelState.AddModelError(field, r["TooLong", max]);
        return text;
    }

    private static List<string> Lines(string? text) => (text ?? "").Split('\n')
        .Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private async Task<bool> LoadAsync(string key, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(Viewer.From(User), key, cancellationToken) is not { } found) return false;
        Event = found;
        Questions = await registrations.QuestionsAsync(found.Id, cancellationToken);
        SeatsHeld = await registrations.SeatsHeldAsync(found.Id, cancellationToken);
        return true;
    }
}
