using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Yhdessa.Features.Events;
using Yhdessa.Features.Home;
using Yhdessa.Features.Materials.Api;
using Yhdessa.Features.Materials.Files;
using Yhdessa.Features.Materials.Manage;
using Yhdessa.Features.Materials.Podcast;
using Yhdessa.Features.My;
using Yhdessa.Features.Materials.ForEvents;
using Yhdessa.Features.Materials.Search;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Jobs;

namespace Yhdessa.Features.Materials;

/// <summary><c>Yhdessa:Materials</c>.</summary>
public sealed class MaterialOptions
{
    /// <summary>The largest file accepted, in bytes (default 50 MB).</summary>
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>How often the search index is checked against the database (<see cref="MaterialIndex.CheckAsync"/>).</summary>
    public int IndexCheckMinutes { get; set; } = 10;

    /// <summary>The search index's folder; default <c>search/materials</c> under the data folder. The index is kept
    /// open by one app instance at a time, so instances that share a data folder each name a folder of their own.</summary>
    public string? IndexDirectory { get; set; }
}

/// <summary>The material bank: pages, search index, files, API and feed.</summary>
public static class MaterialsSetup
{
    public static WebApplicationBuilder AddMaterials(this WebApplicationBuilder builder)
    {
        var (services, configuration) = (builder.Services, builder.Configuration);
        services.Configure<MaterialOptions>(configuration.GetSection("Yhdessa:Materials"));
        var maxFile = configuration.GetValue("Yhdessa:Materials:MaxFileBytes", new MaterialOptions().MaxFileBytes);
        // The form reader must let a file of the allowed size through; the upload page refuses bigger ones itself.
        services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = Math.Max(form.MultipartBodyLengthLimit, maxFile + UploadLimitAttribute.FormOverhead));
        // A search of 10,000 characters is a GET: Kestrel's 8 KB request line would refuse it with an empty 414 before the
        // search could answer (10,000 letters like "ä" are 60 KB encoded). The search itself uses the first words only.
        services.Configure<KestrelServerOptions>(kestrel =>
            kestrel.Limits.MaxRequestLineSize = Math.Max(kestrel.Limits.MaxRequestLineSize, 64 * 1024));
        services.AddSingleton<FinnishMorphology>();
        services.AddSingleton<MaterialAnalyzers>();
        services.AddSingleton<MaterialIndex>();
        services.AddRecurringJob<MaterialIndexJob>();
        services.AddSingleton<IFileStore, DataFolderFileStore>();
        services.AddScoped<MaterialOffers>();
        services.AddScoped<MaterialCatalogue>();
        services.AddMyPagePart<MyMaterialsPart>();
        services.AddFrontPageSection<NewestMaterialsSection>();
        services.AddScoped<Network.Organisations.IOrganisationWork, OrganisationMaterials>();
        services.AddScoped<MaterialUploads>();
        services.AddScoped<MaterialMail>();
        services.AddScoped<MaterialsForEvents>();
        services.AddScoped<IRelatedMaterials>(provider => provider.GetRequiredService<MaterialsForEvents>());
        services.AddScoped<IMaterialSource>(provider => provider.GetRequiredService<MaterialCatalogue>());
        services.AddScoped<IDemoData, MaterialsDemoData>();
        services.AddScoped<IPersonalDataHolder, MaterialsPersonalData>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMaterials(this IEndpointRouteBuilder app) => app.MapMaterialsApi().MapPodcastFeed();
}
