using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Yhdessa.Features.Events;
using Yhdessa.Features.Home;
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
    public const string SimilarRateLimit = "needs-similar";
    public const string VisitorRateLimit = "needs-visitor";

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
        services.AddScoped<VisitorNeeds>();
        services.AddOptions<VisitorNeedOptions>().BindConfiguration("Yhdessa:Needs:Visitors");
        services.AddRecurringJob<VisitorNeedRetention>();
        services.AddScoped<FeedbackForNeeds>();
        // The lookup while typing runs a few text scans: enough for a person typing, not for a flood from one address.
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(SimilarRateLimit, context =>
            RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) })));
        // A visitor's need sends mail to the address she gives: a flood from one connection is cut here, one spread over
        // many by the database's limits in VisitorNeeds. Members are not limited.
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(VisitorRateLimit, context =>
            HttpMethods.IsPost(context.Request.Method) && context.User.Identity?.IsAuthenticated != true
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<VisitorNeedOptions>>().Value.PostsPerHour,
                        Window = TimeSpan.FromHours(1),
                    })
                : RateLimitPartition.GetNoLimiter("member-or-read")));
        services.AddScoped<IPersonalDataHolder, NeedsPersonalData>();
        services.AddScoped<IDemoData, NeedsDemoData>();
        services.AddMyPagePart<MyNeedsPart>();
        services.AddFrontPageSection<AnsweredNeedsSection>();
        return builder;
    }

    public static IEndpointRouteBuilder MapNeeds(this IEndpointRouteBuilder app) => app.MapNeedsApi();

    /// <summary>Lets records of another kind answer needs (see <see cref="INeedAnswerKind"/>).</summary>
    public static IServiceCollection AddNeedAnswerKind<T>(this IServiceCollection services) where T : class, INeedAnswerKind =>
        services.AddScoped<INeedAnswerKind, T>();
}
