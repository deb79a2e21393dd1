using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Materials;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Account;

namespace Yhdessa.Tests.Materials;

/// <summary>The app with a small file limit, so "too large" is quick to prove.</summary>
public sealed class MaterialAppOnSqlite() : YhdessaApp(Engine.Sqlite, MaterialTestData.SmallFileLimit);
public sealed class MaterialAppOnPostgres() : YhdessaApp(Engine.Postgres, MaterialTestData.SmallFileLimit);

/// <summary>TEST HELPER: materials put straight into the database and the index, and the search API read back.</summary>
public static class MaterialTestData
{
    public static void SmallFileLimit(IWebHostBuilder builder) =>
        builder.UseSetting("Yhdessa:Materials:MaxFileBytes", MaxFileBytes.ToString());

    public const long MaxFileBytes = 200_000;

    /// <summary>Adds a published material the way the app publishes one: saved, then put into the index.</summary>
    public static Task<string> AddPublishedAsync(this YhdessaApp app, string title, string body, string language = "fi",
        MaterialType type = MaterialType.Publication, string? summary = null, DateOnly? date = null) =>
        app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            var catalogue = services.GetRequiredService<MaterialCatalogue>();
            var material = new Material
            {
                Slug = await catalogue.NewSlugAsync(title + " " + Guid.NewGuid().ToString("N")[..6], default), Title = title,
                Summary = summary ?? "Tiivistelmä", Body = body, Language = language, Type = type, Status = MaterialStatus.Published,
                PublicationDate = date ?? new DateOnly(2024, 5, 1), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                PublishedAt = DateTimeOffset.UtcNow,
            };
            db.Materials.Add(material);
            await db.SaveChangesAsync();
            await catalogue.SyncAsync(material, default);
            return material.Slug;
        });

    public sealed record Hit(string Slug, string Title, string Snippet, string Type, string Language);
    public sealed record Result(int Total, List<Hit> Items);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Result> SearchAsync(this YhdessaApp app, string query, string extra = "", int pageSize = 50)
    {
        var response = await app.CreateClient().GetAsync($"/api/v1/materials?q={Uri.EscapeDataString(query)}&pageSize={pageSize}{extra}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Result>(Json))!;
    }
}
