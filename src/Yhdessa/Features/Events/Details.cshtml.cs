using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Places;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Events;

/// <summary><c>/events/{id-or-slug}</c>: everything a participant needs. An event the viewer may not see is not found.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy)]
public class DetailsModel(EventCatalogue catalogue, Municipalities municipalities, Registrations registrations,
    RegistrationTokens tokens, IRelatedMaterials materials, IAnsweredNeeds needs, TimeProvider clock) : PageModel
{
    public Event Event { get; private set; } = null!;
    public Municipality? Municipality { get; private set; }
    public List<Event> SeriesInstances { get; private set; } = [];
    public RegistrationState Registration { get; private set; }
    public bool ShowOnlineLink { get; private set; }
    public string DescriptionHtml { get; private set; } = "";
    /// <summary>The signed-in person's own live registration and the link to its page.</summary>
    public EventRegistration? MyRegistration { get; private set; }
    public string? MyRegistrationLink { get; private set; }
    /// <summary>Seats not yet given, for an upcoming event with a capacity; with <see cref="Waiting"/> when none are left.</summary>
    public int? SeatsLeft { get; private set; }
    public int Waiting { get; private set; }
    /// <summary>A signed-in person may register from this page with one press: nothing is required beyond what their
    /// account and profile tell (no required question, no seats reserved for experts by experience to ask about).</summary>
    public bool OneClick { get; private set; }
    /// <summary>The material bank's published materials related to the event, with their files.</summary>
    public List<RelatedMaterial> BankMaterials { get; private set; } = [];
    /// <summary>The needs of the field this event answers.</summary>
    public List<AnsweredNeed> AnsweredNeeds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(User);
        if (await catalogue.FindAsync(viewer, key, cancellationToken) is not { } found) return NotFound();
        Event = found;
        Municipality = municipalities.Find(found.MunicipalityCode);
        if (found.SeriesId is { } series) SeriesInstances = await catalogue.SeriesInstancesAsync(viewer, series, cancellationToken);
        Registration = RegistrationWindow.StateAt(found, clock.GetUtcNow());
        if (found.Capacity is not null && Registration is RegistrationState.Open or RegistrationState.OpensSoon)
        {
            EventPageCache.Shows(HttpContext, [found.Id]);
            SeatsLeft = found.SeatsLeft(await registrations.SeatsHeldAsync(found.Id, cancellationToken));
            if (SeatsLeft == 0) Waiting = await registrations.WaitingCountAsync(found.Id, cancellationToken);
        }
        if (viewer.UserId is { } userId && await registrations.OfMemberAsync(found.Id, userId, cancellationToken) is { } mine)
        {
            MyRegistration = mine;
            MyRegistrationLink = tokens.Path(mine);
        }
        if (viewer.UserId is not null && MyRegistration is null && Registration == RegistrationState.Open)
        {
            var settings = await registrations.SettingsAsync(found.Id, cancellationToken);
            OneClick = settings?.ReservedFor != ReservedGroup.ExpertsByExperience
                && !(await registrations.QuestionsAsync(found.Id, cancellationToken)).Any(q => q.IsRequired);
        }
        ShowOnlineLink = EventAccess.MaySeeOnlineLink(viewer, found, MyRegistration?.Status == RegistrationStatus.Confirmed);
        DescriptionHtml = SafeMarkdown.ToHtml(found.Description);
        BankMaterials = await materials.PublishedForEventAsync(found.Id, cancellationToken);
        AnsweredNeeds = await needs.AnsweredByAsync("event", found.Id, cancellationToken);
        return Page();
    }
}
