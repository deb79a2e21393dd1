using Yhdessa.Features.Communication.News;
using Yhdessa.Features.Communication.News.Api;
using Yhdessa.Features.Needs;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Communication;

/// <summary>Communication: the network's news (and, as it grows, the newsletter and the podcast).</summary>
public static class CommunicationSetup
{
    public static WebApplicationBuilder AddCommunication(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<NewsCatalogue>();
        services.AddScoped<NewsLinks>();
        services.AddScoped<NewsEditor>();
        services.AddNeedAnswerKind<NewsAnswers>();
        services.AddScoped<IDemoData, NewsDemoData>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCommunication(this IEndpointRouteBuilder app) => app.MapNewsApi();
}
