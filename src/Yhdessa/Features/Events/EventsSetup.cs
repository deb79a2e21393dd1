using Yhdessa.Features.Events.Api;
using Yhdessa.Features.Events.Registration;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Events;

/// <summary>The event catalogue: pages, calendars and the public API.</summary>
public static class EventsSetup
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddScoped<EventCatalogue>();
        services.AddScoped<EventCalendar>();
        services.AddScoped<IDemoData, EventsDemoData>();
        services.AddEventRegistration();
        return services;
    }

    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app) => app.MapEventsApi();
}
