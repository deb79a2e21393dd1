using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
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

    /// <summary>Sends a file from the material's files page as a browser does (multipart, with the page's antiforgery
    /// token): to the material's files, or as a podcast episode's recording (the page's second form).</summary>
    public static async Task<WebBrowser.Page> UploadFileAsync(this WebBrowser person, string slug, byte[] content, string fileName,
        bool asRecording = false)
    {
        var form = await person.GetAsync($"/materials/{slug}/files");
        var token = ((IHtmlInputElement)form.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!).Value;
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var multipart = new MultipartFormDataContent
            { { new StringContent(token), "__RequestVerificationToken" }, { file, asRecording ? "audio" : "upload", fileName } };
        var url = $"/materials/{slug}/files" + (asRecording ? "?handler=Audio" : "");
        return await WebBrowser.Page.ReadAsync(await person.Client.PostAsync(url, multipart));
    }

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
