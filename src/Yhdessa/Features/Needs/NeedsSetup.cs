using Yhdessa.Features.My;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Needs;

/// <summary>Needs: the field raises them, members support them, the network answers them.</summary>
public static class NeedsSetup
{
    public static WebApplicationBuilder AddNeeds(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<NeedCatalogue>();
        services.AddScoped<NeedSupports>();
        services.AddScoped<NeedTriage>();
        services.AddScoped<NeedFollowers>();
        services.AddScoped<IPersonalDataHolder, NeedsPersonalData>();
        services.AddScoped<IDemoData, NeedsDemoData>();
        services.AddMyPagePart<MyNeedsPart>();
        return builder;
    }
}
