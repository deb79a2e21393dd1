using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Materials.Search;
using Yhdessa.Platform;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Account;
using Yhdessa.Tests.Events;

namespace Yhdessa.Tests.Materials;

[Collection("Materials with a small file limit on SQLite")]
public sealed class SearchIndexOnSqlite(MaterialAppOnSqlite app) : SearchIndexTests(app);
[Collection("Materials with a small file limit on PostgreSQL")]
public sealed class SearchIndexOnPostgres(MaterialAppOnPostgres app) : SearchIndexTests(app);

/// <summary>The search index heals itself when it drifts from the database, and a coordinator can rebuild it.</summary>
public abstract class SearchIndexTests(YhdessaApp app)
{
    private Task<string> IndexFolderAsync() =>
        app.WithServicesAsync(services => Task.FromResult(services.GetRequiredService<MaterialIndex>().Folder));

    private Task<IndexCheck> CheckAsync() => app.WithServicesAsync(services => services.GetRequiredService<MaterialIndex>().CheckAsync());

    private static async Task<string> TokenAsync(WebBrowser person, string page) =>
        ((IHtmlInputElement)(await person.GetAsync(page)).QuerySelector("input[name=__RequestVerificationToken]")!).Value;

    [Fact]
    public async Task A_deleted_index_folder_is_rebuilt_and_search_finds_the_materials_again()
    {
        var slug = await app.AddPublishedAsync(EventTestData.Unique("Hakemistokoe"), "Tekstissä puhutaan kuntoutussuunnitelmista.");
        Assert.Contains(slug, (await app.SearchAsync("kuntoutussuunnitelma")).Items.Select(h => h.Slug));

        Directory.Delete(await IndexFolderAsync(), recursive: true);
        await CheckAsync();

        Assert.Contains(slug, (await app.SearchAsync("kuntoutussuunnitelmien")).Items.Select(h => h.Slug));
        Assert.True(File.Exists(Path.Combine(await IndexFolderAsync(), "analysis-version")));
    }

    [Fact]
    public async Task The_check_indexes_what_a_lost_update_missed_and_removes_what_is_no_longer_published()
    {
        var missing = await app.AddPublishedAsync(EventTestData.Unique("Kadonnut päivitys"), "Aineisto kertoo ensikotien arjesta.");
        var withdrawn = await app.AddPublishedAsync(EventTestData.Unique("Vedetty pois"), "Aineisto kertoo ensikotien säännöistä.");
        // As if the app had crashed between the database save and the index update: the index lost one material, and
        // the other was taken off the public pages in the database only.
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            var index = services.GetRequiredService<MaterialIndex>();
            await index.RemoveAsync(await db.Materials.Where(m => m.Slug == missing).Select(m => m.Id).SingleAsync());
            var material = await db.Materials.SingleAsync(m => m.Slug == withdrawn);
            material.Status = MaterialStatus.Draft;
            material.UpdatedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
            return true;
        });
        var before = (await app.SearchAsync("ensikodit")).Items.Select(h => h.Slug).ToList();
        Assert.DoesNotContain(missing, before);
        Assert.Contains(withdrawn, before);

        var check = await CheckAsync();

        Assert.Equal(1, check.Added);
        Assert.Equal(1, check.Removed);
        var after = (await app.SearchAsync("ensikodit")).Items.Select(h => h.Slug).ToList();
        Assert.Contains(missing, after);
        Assert.DoesNotContain(withdrawn, after);
        // A second check finds nothing more to do.
        var again = await CheckAsync();
        Assert.Equal((0, 0), (again.Added, again.Removed));
    }

    [Fact]
    public async Task A_coordinator_rebuilds_the_index_from_the_admin_page_and_the_rebuild_is_audited()
    {
        var slug = await app.AddPublishedAsync(EventTestData.Unique("Uudelleenrakennus"), "Aineisto käsittelee tukiasuntojen kalustamista.");
        var coordinator = await app.CoordinatorAsync();
        var page = await coordinator.OpenAsync("/admin/search-index");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Aineistoja hakemistossa", page.Text);

        Directory.Delete(await IndexFolderAsync(), recursive: true);
        var rebuilt = await coordinator.PostAsync("/admin/search-index?handler=Rebuild",
            [new("__RequestVerificationToken", await TokenAsync(coordinator, "/admin/search-index"))]);

        Assert.Equal(HttpStatusCode.Redirect, rebuilt.Status);
        Assert.Contains("Hakemisto rakennettiin uudelleen", (await coordinator.OpenAsync("/admin/search-index")).Notice);
        Assert.Contains(slug, (await app.SearchAsync("tukiasuntojen")).Items.Select(h => h.Slug));
        var audit = await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Set<AuditEntry>()
            .Where(a => a.Action == "materials.search-index-rebuilt").CountAsync());
        Assert.True(audit >= 1);
    }

    [Fact]
    public async Task A_member_may_not_open_or_rebuild_the_index()
    {
        var member = await app.SignedInAsync("index-member");
        var page = await member.Client.GetAsync("/admin/search-index");
        Assert.Contains("access-denied", page.Headers.Location?.OriginalString);
        var token = await TokenAsync(member, "/materials/new");
        var refused = await member.Client.PostAsync("/admin/search-index?handler=Rebuild",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Contains("access-denied", refused.Headers.Location?.OriginalString);
    }
}
