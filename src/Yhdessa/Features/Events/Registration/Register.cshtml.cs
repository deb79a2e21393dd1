using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Features.Network.Organisations;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Events.Registration;

/// <summary>
/// <c>/events/{key}/register</c>: members register in one click with the name, address and organisation of their
/// account and profile; guests give theirs. Custom questions and optional needs for both. Success leads to the
/// registration's own page (the same signed link as in the email), which tells the seat or the place in the queue.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RegistrationSetup.GuestRateLimit)]
public class RegisterModel(YhdessaDb db, EventCatalogue catalogue, Registrations registrations, RegistrationTokens tokens,
    UserManager<User> users, TimeProvider clock, IStringLocalizer<RegistrationText> r,
    OrganisationDirectory organisations) : PageModel
{
    public sealed class RegistrationInput
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        /// <summary>A guest's organisation chosen from the directory; empty when it is not listed.</summary>
        public string? OrganisationId { get; set; }
        /// <summary>A guest's organisation written in, when it is not in the directory.</summary>
        public string? OrganisationName { get; set; }
        public bool ExpertByExperience { get; set; }
        public string? DietaryNeeds { get; set; }
        public string? AccessibilityNeeds { get; set; }
        /// <summary>Question id → the text, or for a choice the option's id. Keyed by text, not number: a key that is
        /// no question of the event (e.g. a crafted one) is then simply not read, instead of failing the whole form.</summary>
        public Dictionary<string, string?> Answers { get; set; } = [];

        public string? AnswerTo(EventQuestion question) => Answers.GetValueOrDefault(question.Id.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>What a member registers with, read from the account and the network profile.</summary>
    public sealed record MemberDetails(string UserId, string Name, string Email, string Language, Organisation? Organisation,
        bool IsExpertByExperience);

    [BindProperty] public RegistrationInput Input { get; set; } = new();
    public Event Event { get; private set; } = null!;
    public RegistrationState State { get; private set; }
    public EventRegistrationSettings Settings { get; private set; } = new();
    /// <summary>A guest names an organisation only when the seat rules count by it (a cap per organisation): experts by
    /// experience, students and private people have none.</summary>
    public bool OrganisationRequired => Settings.CapPerOrganisation is not null;
    public List<EventQuestion> Questions { get; private set; } = [];
    public MemberDetails? Member { get; private set; }
    /// <summary>The member's live registration: then the page links to it instead of offering the form.</summary>
    public string? ExistingLink { get; private set; }
    public int? SeatsLeft { get; private set; }
    /// <summary>The directory's organisations a guest chooses from, so that e.g. a city's seats reserved for cities
    /// count them; loaded only for guests.</summary>
    public List<Organisation> Organisations { get; private set; } = [];
    public bool ReservationActive { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken)) return NotFound();
        if (Member is { } member) Input.ExpertByExperience = member.IsExpertByExperience;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken)) return NotFound();
        if (ExistingLink is not null) return Redirect(ExistingLink);
        if (State != RegistrationState.Open)
        {
            ModelState.AddModelError("", NotOpenMessage());
            return Page();
        }
        var answers = ReadAnswers();
        string name, email, language;
        string? organisationName;
        Organisation? organisation = null;
        if (Member is { } member)
        {
            (name, email, language, organisation) = (member.Name, member.Email, member.Language, member.Organisation);
            organisationName = organisation?.NameFi;
        }
        else
        {
            name = Text("Input.Name", Input.Name, RegistrationLimits.Name, required: "NameRequired", singleLine: true) ?? "";
            email = InputRules.CleanEmail(Input.Email ?? "");
            if (email.Length == 0) ModelState.AddModelError("Input.Email", r["EmailRequired"]);
            else if (!InputRules.IsValidEmail(email)) ModelState.AddModelError("Input.Email", r["EmailInvalid"]);
            organisation = ChosenOrganisation(out var refusedChoice);
            // A refused choice has its own message; asking for a name as well would say two things about one answer.
            organisationName = organisation?.NameFi
                ?? Text("Input.OrganisationName", Input.OrganisationName, RegistrationLimits.OrganisationName,
                    required: refusedChoice || !OrganisationRequired ? null : "OrganisationRequired", singleLine: true);
            // A listed organisation written in by hand is that organisation: its seats and cap count the guest alike.
            if (organisation is null && organisationName is not null && Listed(organisationName) is { } written)
                (organisation, organisationName) = (written, written.NameFi);
            language = Languages.Current;
        }
        var dietary = Text("Input.DietaryNeeds", Input.DietaryNeeds, RegistrationLimits.Needs, required: null);
        var accessibility = Text("Input.AccessibilityNeeds", Input.AccessibilityNeeds, RegistrationLimits.Needs, required: null);
        if (!ModelState.IsValid) return Page();

        var result = await registrations.RegisterAsync(Event, new RegistrationRequest(
            Member?.UserId, name, email, organisation?.Id, organisationName, organisation?.Sector, language,
            // Only asked when seats are reserved for experts by experience: nobody is asked without a reason.
            Settings.ReservedFor == ReservedGroup.ExpertsByExperience && Input.ExpertByExperience,
            dietary, accessibility, answers), cancellationToken);
        switch (result.Outcome)
        {
            case RegisterOutcome.Duplicate:
                ModelState.AddModelError(Member is null ? "Input.Email" : "", r["AlreadyRegistered"]);
                return Page();
            case RegisterOutcome.NotOpen:
                State = RegistrationState.Closed;
                ModelState.AddModelError("", r["RegistrationClosedNow"]);
                return Page();
        }
        TempData["Notice"] = result.Outcome switch
        {
            RegisterOutcome.Confirmed => (string)r["NoticeConfirmed"],
            RegisterOutcome.Waiting => (string)r["NoticeWaiting", result.Position ?? 1],
            _ => (string)r["NoticeAwaitingApproval"],
        };
        return Redirect(tokens.Path(result.Registration!) + ManageModel.KeptLanguage(Request));
    }

    public string NotOpenMessage() => State switch
    {
        RegistrationState.OpensSoon => r["RegistrationOpensAt", HelsinkiTime.DateAndTime(Event.RegistrationOpensAt!.Value)],
        RegistrationState.None => r["NoRegistration"],
        _ => r["RegistrationClosed"],
    };

    /// <summary>The organisation a guest chose, checked against the directory: a posted id that is not there (an
    /// altered form, or an organisation removed meanwhile) is refused rather than taken as no organisation.</summary>
    private Organisation? ChosenOrganisation(out bool refused)
    {
        refused = false;
        if (string.IsNullOrWhiteSpace(Input.OrganisationId)) return null;
        var chosen = int.TryParse(Input.OrganisationId, out var id) ? Organisations.FirstOrDefault(o => o.Id == id) : null;
        if (chosen is null) ModelState.AddModelError("Input.OrganisationId", r["OrganisationNotInList"]);
        refused = chosen is null;
        return chosen;
    }

    /// <summary>The directory's organisation with this name in any of its languages, in any case and spacing.</summary>
    private Organisation? Listed(string name)
    {
        static string Key(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        var key = Key(name);
        return Organisations.FirstOrDefault(o => Key(o.NameFi) == key || Key(o.NameSv) == key || Key(o.NameEn) == key);
    }

    /// <summary>A trimmed text within <paramref name="max"/>, without invisible control characters; a single-line
    /// field (a name) refuses line breaks too, which a browser's text field cannot send but a crafted post can.</summary>
    private string? Text(string field, string? value, int max, string? required, bool singleLine = false)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null)
        {
            if (required is not null) ModelState.AddModelError(field, r[required]);
            return null;
        }
        if (text.Length > max) ModelState.AddModelError(field, r["TooLong", max]);
        else if (InputRules.HasInvisibleControl(singleLine ? text : text.Replace("\r", "").Replace("\n", "")))
            ModelState.AddModelError(field, r["InvisibleCharacters"]);
        return text;
    }

    private List<RegistrationAnswer> ReadAnswers()
    {
        var answers = new List<RegistrationAnswer>();
        foreach (var question in Questions)
        {
            var field = $"Input.Answers[{question.Id}]";
            var value = Input.AnswerTo(question);
            if (question.Kind == QuestionKind.Choice)
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    if (question.IsRequired) ModelState.AddModelError(field, r["AnswerRequired", question.Text]);
                    continue;
                }
                if (!int.TryParse(value, out var optionId) || question.Options.All(o => o.Id != optionId))
                    ModelState.AddModelError(field, r["ChooseAmongOptions", question.Text]);
                else answers.Add(new RegistrationAnswer { QuestionId = question.Id, OptionId = optionId });
                continue;
            }
            var text = Text(field, value, RegistrationLimits.Answer, required: null);
            if (text is null && question.IsRequired) ModelState.AddModelError(field, r["AnswerRequired", question.Text]);
            if (text is not null) answers.Add(new RegistrationAnswer { QuestionId = question.Id, Text = text });
        }
        return answers;
    }

    private async Task<bool> LoadAsync(string key, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(Viewer.From(User), key, cancellationToken) is not { } found) return false;
        Event = found;
        State = RegistrationWindow.StateAt(found, clock.GetUtcNow());
        Settings = await registrations.SettingsAsync(found.Id, cancellationToken) ?? new EventRegistrationSettings { EventId = found.Id };
        Questions = await registrations.QuestionsAsync(found.Id, cancellationToken);
        ReservationActive = Registrations.ReservationActive(Settings, clock.GetUtcNow());
        if (found.Capacity is not null)
            SeatsLeft = found.SeatsLeft(await registrations.SeatsHeldAsync(found.Id, cancellationToken));
        if (users.GetUserId(User) is { } userId && await users.FindByIdAsync(userId) is { } user)
        {
            var profile = await db.PersonProfiles.AsNoTracking().Include(p => p.Affiliations).ThenInclude(a => a.Organisation)
                .FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
            Member = new MemberDetails(userId, user.DisplayName, user.Email ?? "", user.PreferredLanguage,
                profile?.Affiliations.Select(a => a.Organisation).FirstOrDefault(o => o is not null),
                profile?.IsExpertByExperience ?? false);
            if (await registrations.OfMemberAsync(found.Id, userId, cancellationToken) is { } existing)
                ExistingLink = tokens.Path(existing);
        }
        else
        {
            Organisations = (await organisations.ChoicesAsync(cancellationToken))
                .OrderBy(o => o.Name, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true)).ToList();
        }
        return true;
    }
}
