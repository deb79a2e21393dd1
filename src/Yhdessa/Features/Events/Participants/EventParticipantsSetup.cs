using Microsoft.AspNetCore.Authorization;
using Yhdessa.Features.Events.Feedback;
using Yhdessa.Features.My;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Jobs;

namespace Yhdessa.Features.Events.Participants;

/// <summary>The coordinator's side of events: participants, attendance, exports, certificates and feedback.</summary>
public static class EventParticipantsSetup
{
    public static IServiceCollection AddEventParticipants(this IServiceCollection services)
    {
        services.AddScoped<ParticipantList>();
        services.AddScoped<Certificates>();
        services.AddMyPagePart<MyCertificatesPart>();
        services.AddMyPagePart<MyFeedbackReadingPart>();
        services.AddScoped<EventFeedback>();
        services.AddScoped<Surveys.ISurveyOwnerKind, EventSurveyOwners>();
        services.AddScoped<IAuthorizationHandler, FeedbackReaderHandler>();
        services.AddAuthorizationBuilder().AddPolicy(FeedbackAccess.Policy, p => p.RequireAuthenticatedUser().AddRequirements(new FeedbackReaderRequirement()));
        services.AddRecurringJob<FeedbackJob>();
        services.AddScoped<IDemoData, ParticipantsDemoData>();
        return services;
    }
}
