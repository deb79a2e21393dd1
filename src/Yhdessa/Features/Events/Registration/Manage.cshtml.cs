using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Participants;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Events.Registration;

/// <summary>
/// <c>/events/registration/{token}</c>: one registration's own page, opened by the signed link in its emails (no
/// sign-in). It tells the seat, the place on the waiting list or the offer, and lets the person cancel, leave the
/// list, accept or decline an offered seat, change the dietary and accessibility needs given, or delete the registration
/// (after a confirmation step). Changes are posted, never made by opening the link, so mail scanners
/// that fetch links change nothing. A changed or unknown token opens nothing and says so.
/// </summary>
[AllowAnonymous]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class ManageModel(YhdessaDb db, Registrations registrations, RegistrationTokens tokens, TimeProvider clock,
    IStringLocalizer<RegistrationText> r, Certificates certificates) : PageModel
{
    public sealed class NeedsInput
    {
        public string? DietaryNeeds { get; set; }
        public string? AccessibilityNeeds { get; set; }
    }

    [BindProperty] public NeedsInput Needs { get; set; } = new();
    public EventRegistration? Registration { get; private set; }
    public Event Event { get; private set; } = null!;
    public int? Position { get; private set; }
    public bool EventOver { get; private set; }
    public bool OfferExpired { get; private set; }
    /// <summary>The confirmation step of deleting: the page asks before anything is erased.</summary>
    public bool ConfirmingDelete { get; private set; }
    /// <summary>The registration was just deleted: the page confirms it and shows nothing of the person.</summary>
    public bool Deleted { get; private set; }

    /// <summary>Needs can be changed while the registration is live and before the event; the day after, they are gone.</summary>
    public bool MayChangeNeeds => Registration is { IsLive: true, NeedsErasedAt: null } && !EventOver;

    /// <summary>After the event, the certificate of someone marked as attended (the same signed link as in the thank-you mail).</summary>
    public string? CertificateLink => EventOver && Registration is { Status: RegistrationStatus.Confirmed, Attendance: Attendance.Attended }
        ? certificates.Link(Registration.Id) : null;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken)) return InvalidLink();
        Needs = new NeedsInput { DietaryNeeds = Registration!.DietaryNeeds, AccessibilityNeeds = Registration.AccessibilityNeeds };
        return Page();
    }

    /// <summary>The person corrects or adds their needs (e.g. forgot a diet when registering). A plain update of their
    /// own row: no seat changes, so no lock. Bad input is refused with the registration form's messages.</summary>
    public async Task<IActionResult> OnPostNeedsAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken)) return InvalidLink();
        if (!MayChangeNeeds)
        {
            ModelState.AddModelError("", r["NeedsCannotChange"]);
            return Page();
        }
        var dietary = NeedsText("Needs.DietaryNeeds", Needs.DietaryNeeds);
        var accessibility = NeedsText("Needs.AccessibilityNeeds", Needs.AccessibilityNeeds);
        if (!ModelState.IsValid) return Page();
        await db.EventRegistrations.Where(x => x.Id == Registration!.Id && x.NeedsErasedAt == null)
            .ExecuteUpdateAsync(x => x.SetProperty(p => p.DietaryNeeds, dietary).SetProperty(p => p.AccessibilityNeeds, accessibility),
                cancellationToken);
        TempData["Notice"] = (string)r["NoticeNeedsSaved"];
        return Redirect(tokens.Path(Registration!) + KeptLanguage(Request));
    }

    private string? NeedsText(string field, string? value)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null) return null;
        if (text.Length > RegistrationLimits.Needs) ModelState.AddModelError(field, r["TooLong", RegistrationLimits.Needs]);
        else if (InputRules.HasInvisibleControl(text.Replace("\r", "").Replace("\n", "")))
            ModelState.AddModelError(field, r["InvisibleCharacters"]);
        return text;
    }

    public async Task<IActionResult> OnPostCancelAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken)) return InvalidLink();
        var reason = Registration!.Status == RegistrationStatus.Waiting ? CancellationReason.LeftWaitingList : CancellationReason.ByParticipant;
        var outcome = await registrations.CancelAsync(Registration.Id, reason, cancellationToken);
        TempData["Notice"] = outcome switch
        {
            LinkOutcome.Done => (string)r[reason == CancellationReason.LeftWaitingList ? "NoticeLeftWaitingList" : "NoticeCancelled"],
            LinkOutcome.AlreadyDone => (string)r["NoticeAlreadyCancelled"],
            _ => (string)r["NoticeEventOver"],
        };
        return Redirect(tokens.Path(Registration) + KeptLanguage(Request));
    }

    public async Task<IActionResult> OnGetDeleteAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken)) return InvalidLink();
        ConfirmingDelete = true;
        return Page();
    }

    /// <summary>Deletes and answers with the confirmation at once: a redirect would lead to a link that no longer
    /// opens anything, and a notice on a cached public page could be lost.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken)) return InvalidLink();
        await registrations.DeleteAsync(Registration!.Id, cancellationToken);
        Deleted = true;
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken)) return InvalidLink();
        var outcome = await registrations.AcceptOfferAsync(Registration!.Id, cancellationToken);
        TempData["Notice"] = outcome switch
        {
            LinkOutcome.Done => (string)r["NoticeOfferAccepted"],
            LinkOutcome.AlreadyDone => (string)r["NoticeAlreadyConfirmed"],
            LinkOutcome.OfferExpired => (string)r["NoticeOfferExpired"],
            _ => (string)r["NoticeNoOffer"],
        };
        return Redirect(tokens.Path(Registration) + KeptLanguage(Request));
    }

    /// <summary>A language chosen in the link (<c>?culture=</c>) is kept through the form and its redirect, as it is
    /// not stored anywhere for a visitor without the language cookie.</summary>
    public static string KeptLanguage(HttpRequest request, char separator = '?') =>
        request.Query.ContainsKey("culture") ? $"{separator}culture={Languages.Current}" : "";

    private IActionResult InvalidLink()
    {
        Registration = null;
        return new PageResult { StatusCode = StatusCodes.Status404NotFound };
    }

    private async Task<bool> LoadAsync(string token, CancellationToken cancellationToken)
    {
        if (tokens.Read(token) is not { } read) return false;
        var registration = await db.EventRegistrations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == read.Id, cancellationToken);
        // The registration time in the token ties it to this registration; erased data leaves nothing to show.
        if (registration is null || !RegistrationTokens.Matches(read, registration) || registration.PersonalDataErasedAt is not null)
            return false;
        Registration = registration;
        Event = await db.Events.AsNoTracking().SingleAsync(e => e.Id == registration.EventId, cancellationToken);
        var now = clock.GetUtcNow();
        EventOver = Event.EndsAt <= now;
        Position = await registrations.PositionAsync(registration, cancellationToken);
        OfferExpired = registration.Status == RegistrationStatus.Offered && registration.OfferExpiresAt <= now
            || registration.CancellationReason == CancellationReason.OfferExpired;
        return true;
    }
}
