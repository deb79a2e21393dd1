using Yhdessa.Features.Network.Api;
using Yhdessa.Features.Network.Data;
using Yhdessa.Features.Network.Groups;
using Yhdessa.Features.Network.Organisations;
using Yhdessa.Features.My;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Network;

/// <summary>The network directory: organisations, people, groups and their public API.</summary>
public static class NetworkSetup
{
    public static WebApplicationBuilder AddNetwork(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<OrganisationDirectory>();
        services.AddScoped<People.PublicPeople>();
        services.AddScoped<GroupService>();
        services.AddMyPagePart<MyGroupsPart>();
        services.AddScoped<IPersonalDataHolder, NetworkPersonalData>();
        services.AddScoped<IDemoData, NetworkDemoData>();
        return builder;
    }

    public static IEndpointRouteBuilder MapNetwork(this IEndpointRouteBuilder app) => app.MapNetworkApi();
}
