using Yhdessa.Features.My;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Surveys;

/// <summary>The survey engine: other features attach surveys to what they own through <see cref="SurveyService"/>
/// and <see cref="ISurveyInvitations"/>.</summary>
public static class SurveysSetup
{
    public static WebApplicationBuilder AddSurveys(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<SurveyService>();
        services.AddScoped<SurveyOwners>();
        services.AddScoped<ISurveyOwnerKind, NetworkSurveys>();
        services.AddScoped<SurveyAnswering>();
        services.AddScoped<SurveyResults>();
        services.AddScoped<ISurveyInvitations, SurveyInvitations>();
        services.AddMyPagePart<MySurveysPart>();
        services.AddScoped<IDemoData, SurveyDemoData>();
        services.AddScoped<IPersonalDataHolder, SurveyPersonalData>();
        return builder;
    }
}
