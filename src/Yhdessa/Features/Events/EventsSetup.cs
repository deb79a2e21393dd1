using Yhdessa.Features.Events.Api;
using Yhdessa.Features.Events.Participants;
using Yhdessa.Features.Events.Registration;
using Yhdessa.Features.Home;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Events;

/// <summary>Events: the catalogue, calendars, registration, participants, feedback and the public API.</summary>
public static class EventsSetup
{
    public static WebApplicationBuilder AddEvents(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<EventCatalogue>();
        services.AddScoped<EventCalendar>();
        services.AddScoped<Network.Organisations.IOrganisationWork, OrganisationEvents>();
        services.AddScoped<IDemoData, EventsDemoData>();
        services.AddFrontPageSection<UpcomingEventsSection>();
        services.AddEventRegistration();
        services.AddEventParticipants();
        return builder;
    }

    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app) => app.MapEventsApi();
}
