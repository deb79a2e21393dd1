using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Communication.Issues;
using Yhdessa.Features.Communication.Items;
using Yhdessa.Features.Communication.News;
using Yhdessa.Features.Communication.Newsletter;
using Yhdessa.Features.Communication.News.Api;
using Yhdessa.Features.Home;
using Yhdessa.Features.My;
using Yhdessa.Features.Needs;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Jobs;

namespace Yhdessa.Features.Communication;

/// <summary>Communication: the network's news, the newsletter (subscriptions, members' items, issues and their sending, the archive) and the podcast.</summary>
public static class CommunicationSetup
{
    public const string SubscribeRateLimit = "newsletter-subscribe";

    public static WebApplicationBuilder AddCommunication(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<NewsCatalogue>();
        services.AddScoped<NewsLinks>();
        services.AddScoped<NewsEditor>();
        services.AddNeedAnswerKind<NewsAnswers>();
        services.AddFrontPageSection<NewsFrontSection>();
        services.AddScoped<IDemoData, NewsDemoData>();
        services.AddScoped<NewsletterItems>();
        services.AddScoped<IPersonalDataHolder, ItemsPersonalData>();
        services.AddMyPagePart<MyItemsPart>();
        services.AddScoped<IDemoData, ItemsDemoData>();
        services.AddScoped<Subscriptions>();
        services.AddScoped<IPersonalDataHolder, SubscriptionPersonalData>();
        services.AddRecurringJob<SubscriptionRetention>();
        services.AddScoped<NewsletterIssues>();
        services.AddRecurringJob<IssueSending>();
        services.AddScoped<IDemoData, IssuesDemoData>();
        services.AddOptions<NewsletterOptions>().BindConfiguration("Yhdessa:Newsletter");
        // A flood of requests from one connection is cut here; the database sends an address one mail an hour at most.
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(SubscribeRateLimit, context =>
            HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<IOptions<NewsletterOptions>>().Value.RequestsPerHour,
                        Window = TimeSpan.FromHours(1),
                    })
                : RateLimitPartition.GetNoLimiter("read")));
        return builder;
    }

    public static IEndpointRouteBuilder MapCommunication(this IEndpointRouteBuilder app) => app.MapNewsApi().MapIssueEndpoints();
}
