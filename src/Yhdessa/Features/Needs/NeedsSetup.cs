using Yhdessa.Features.Events;
using Yhdessa.Features.My;
using Yhdessa.Features.Needs.Answers;
using Yhdessa.Features.Needs.Api;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Jobs;

namespace Yhdessa.Features.Needs;

/// <summary>Needs: the field raises them, members support them, the network answers them.</summary>
public static class NeedsSetup
{
    public static WebApplicationBuilder AddNeeds(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<NeedCatalogue>();
        services.AddScoped<NeedSimilarity>();
        services.AddScoped<NeedSupports>();
        services.AddScoped<NeedTriage>();
        services.AddScoped<NeedFollowers>();
        services.AddScoped<NeedAnswers>();
        services.AddScoped<IAnsweredNeeds>(provider => provider.GetRequiredService<NeedAnswers>());
        services.AddNeedAnswerKind<EventAnswers>();
        services.AddNeedAnswerKind<MaterialAnswers>();
        services.AddNeedAnswerKind<GroupAnswers>();
        services.AddRecurringJob<EventsHeldJob>();
        services.AddScoped<IPersonalDataHolder, NeedsPersonalData>();
        services.AddScoped<IDemoData, NeedsDemoData>();
        services.AddMyPagePart<MyNeedsPart>();
        return builder;
    }

    public static IEndpointRouteBuilder MapNeeds(this IEndpointRouteBuilder app) => app.MapNeedsApi();

    /// <summary>Lets records of another kind answer needs (see <see cref="INeedAnswerKind"/>).</summary>
    public static IServiceCollection AddNeedAnswerKind<T>(this IServiceCollection services) where T : class, INeedAnswerKind =>
        services.AddScoped<INeedAnswerKind, T>();
}
