using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Needs;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Needs;

[Collection("Needs on SQLite")]
public sealed class NeedsOnSqlite(SqliteApp app) : NeedTests(app);
[Collection("Needs on PostgreSQL")]
public sealed class NeedsOnPostgres(PostgresApp app) : NeedTests(app);

/// <summary>Raising a need, reading it, and supporting it once: the count stays exact whoever presses at once.</summary>
public abstract class NeedTests(YhdessaApp app)
{
    private readonly WebApplicationFactory<Program> host = NetworkTestHost.For(app);

    private async Task<int> OrganisationAsync(Sector sector)
    {
        var slug = "org-" + Guid.NewGuid().ToString("N")[..8];
        return await host.WithDbAsync(async db =>
        {
            var organisation = new Organisation { Slug = slug, NameFi = "Tarveorganisaatio " + slug, Sector = sector };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });
    }

    /// <summary>Raises a need through the form as <paramref name="userId"/>; returns the need's id from the address it leads to.</summary>
    private async Task<int> RaiseAsync(string userId, string title, bool showName = true, int? organisationId = null, string description = "Tarvitsemme tätä.")
    {
        var fields = new List<(string, string)>
        {
            ("Input.Kind", nameof(NeedKind.Training)), ("Input.Title", title), ("Input.Description", description),
            ("Input.ShowName", showName ? "true" : "false"), ("Input.SimilarShown", "true"),
        };
        if (organisationId is { } id) fields.Add(("Input.OrganisationId", id.ToString()));
        var response = await host.Client(userId).PostFormAsync("/needs/new", [.. fields]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(NetworkTestHost.LocalPath(response).Split('/').Last());
    }

    private Task<Need> NeedAsync(int id) => host.WithDbAsync(db => db.Needs.AsNoTracking().SingleAsync(n => n.Id == id));

    [Fact]
    public async Task A_member_raises_a_need_that_everyone_then_reads_with_her_name_and_her_support()
    {
        var raiser = await host.CreateUserAsync("Tarpeen Kertoja");
        var organisation = await OrganisationAsync(Sector.City);
        var title = "Koulutusta asumisneuvonnasta " + Guid.NewGuid().ToString("N")[..6];

        var id = await RaiseAsync(raiser, title, organisationId: organisation);

        var page = await host.Client().GetStringAsync($"/needs/{id}");
        Assert.Contains(title, page);
        Assert.Contains("Tarpeen Kertoja, Tarveorganisaatio", page);
        Assert.Contains("Koulutustarve", page);
        Assert.Contains("1 tukija", page);
        Assert.Contains(title, await host.Client().GetStringAsync("/needs?sort=newest"));
        Assert.Contains("Tuet tätä tarvetta.", await host.Client(raiser).GetStringAsync($"/needs/{id}"));
    }

    [Fact]
    public async Task A_ticked_name_box_sent_as_a_browser_sends_it_shows_the_name()
    {
        var raiser = await host.CreateUserAsync("Rastittava Kertoja");
        var form = await host.Client(raiser).GetStringAsync("/needs/new");
        Assert.True(form.IndexOf("id=\"Input_ShowName\"", StringComparison.Ordinal) < form.IndexOf("name=\"Input.ShowName\" value=\"false\"", StringComparison.Ordinal));
        var response = await host.Client(raiser).PostFormAsync("/needs/new",
            ("Input.Kind", "Training"), ("Input.Title", "Rastitettu " + Guid.NewGuid().ToString("N")[..6]), ("Input.Description", "Kuvaus"),
            ("Input.ShowName", "true"), ("Input.ShowName", "false"), ("Input.SimilarShown", "true"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Rastittava Kertoja", await host.Client().GetStringAsync(NetworkTestHost.LocalPath(response)));
    }

    [Fact]
    public async Task A_need_raised_without_a_name_says_only_the_sector_it_comes_from()
    {
        var raiser = await host.CreateUserAsync("Nimetön Kertoja");
        var organisation = await OrganisationAsync(Sector.Ngo);
        var id = await RaiseAsync(raiser, "Nimetön tarve " + Guid.NewGuid().ToString("N")[..6], showName: false, organisationId: organisation);

        var page = await host.Client().GetStringAsync($"/needs/{id}");
        Assert.Contains("Järjestössä toimiva jäsen", page);
        Assert.DoesNotContain("Nimetön Kertoja", page);
        Assert.DoesNotContain("Tarveorganisaatio", page);
        Assert.DoesNotContain("Nimetön Kertoja", await host.Client().GetStringAsync("/needs?sort=newest"));
    }

    [Theory]
    [InlineData("Input.Title", "", "Täytä kenttä ”Otsikko”.")]
    [InlineData("Input.Description", "", "Täytä kenttä ”Kuvaus”.")]
    [InlineData("Input.Kind", "", "Täytä kenttä ”Tarpeen laji”.")]
    [InlineData("Input.Kind", "Muu", "Tarpeen laji")]
    [InlineData("Input.ThemeIds", "999999", "Valitse teemat luettelosta.")]
    [InlineData("Input.MunicipalityCode", "999", "Valitse kunta luettelosta.")]
    [InlineData("Input.OrganisationId", "999999", "Valitse organisaatio luettelosta.")]
    public async Task A_bad_need_is_refused_with_a_message_and_nothing_is_saved(string field, string value, string message)
    {
        var raiser = await host.CreateUserAsync("Virheellinen Kertoja");
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(NeedKind.Development), ["Input.Title"] = "Hyvä otsikko", ["Input.Description"] = "Hyvä kuvaus",
            [field] = value,
        };
        var response = await host.Client(raiser).PostFormAsync("/needs/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("error-summary", page);
        Assert.Contains(message, page);
        Assert.Equal(0, await host.WithDbAsync(db => db.Needs.CountAsync(n => n.RaisedById == raiser)));
    }

    [Fact]
    public async Task An_overlong_title_is_refused_and_script_in_the_description_is_shown_harmless()
    {
        var raiser = await host.CreateUserAsync("Pitkä Kertoja");
        var response = await host.Client(raiser).PostFormAsync("/needs/new",
            ("Input.Kind", "WeakSignal"), ("Input.Title", new string('a', NeedLimits.Title + 1)), ("Input.Description", "x"));
        Assert.Contains("enintään 200 merkkiä", await response.Content.ReadAsStringAsync());

        var id = await RaiseAsync(raiser, "Heikko signaali", description: "Huomasimme <script>alert(1)</script> **uutta**");
        var page = await host.Client().GetStringAsync($"/needs/{id}");
        Assert.DoesNotContain("<script>alert(1)", page);
        Assert.Contains("<strong>uutta</strong>", page);
    }

    [Fact]
    public async Task A_member_supports_once_with_a_comment_shown_without_her_name_and_may_take_it_back()
    {
        var id = await RaiseAsync(await host.CreateUserAsync("Kertoja"), "Tuettava tarve");
        var supporter = await host.CreateUserAsync("Tukeva Jäsen");
        var client = host.Client(supporter);

        var supported = await client.PostFormAsync($"/needs/{id}", [new("Comment", "Meilläkin tarvitaan tätä.")], $"/needs/{id}?handler=Support");
        Assert.Equal(HttpStatusCode.Redirect, supported.StatusCode);
        var again = await client.PostFormAsync($"/needs/{id}", [new("Comment", "Toinen kerta")], $"/needs/{id}?handler=Support");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(2, (await NeedAsync(id)).SupportCount);

        var page = await host.Client().GetStringAsync($"/needs/{id}");
        Assert.Contains("2 tukijaa", page);
        Assert.Contains("Meilläkin tarvitaan tätä.", page);
        Assert.DoesNotContain("Toinen kerta", page);
        Assert.DoesNotContain("Tukeva Jäsen", page);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/needs/{id}", [], $"/needs/{id}?handler=Withdraw")).StatusCode);
        Assert.Equal(1, (await NeedAsync(id)).SupportCount);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/needs/{id}", [], $"/needs/{id}?handler=Withdraw")).StatusCode);
        Assert.Equal(1, (await NeedAsync(id)).SupportCount);
    }

    [Fact]
    public async Task An_overlong_comment_is_refused_and_nothing_is_saved()
    {
        var id = await RaiseAsync(await host.CreateUserAsync("Kertoja"), "Kommentoitava tarve");
        var supporter = await host.CreateUserAsync("Pitkä Kommentoija");
        var response = await host.Client(supporter).PostFormAsync($"/needs/{id}",
            [new("Comment", new string('k', NeedLimits.Comment + 1))], $"/needs/{id}?handler=Support");

        Assert.Contains("enintään 1000 merkkiä", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, (await NeedAsync(id)).SupportCount);
    }

    [Fact]
    public async Task Two_hundred_supports_at_once_count_exactly_and_one_persons_repeated_presses_count_once()
    {
        var id = await RaiseAsync(await host.CreateUserAsync("Kertoja"), "Suosittu tarve");
        var supporters = new List<string>();
        for (var i = 0; i < 200; i++) supporters.Add(await host.CreateUserAsync($"Tukija {i}"));

        var results = await Task.WhenAll(supporters.Concat(Enumerable.Repeat(supporters[0], 20)).Select(async userId =>
        {
            using var scope = host.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<NeedSupports>().SupportAsync(id, userId, null, default);
        }));

        Assert.Equal(200, results.Count(r => r == SupportResult.Supported));
        Assert.Equal(201, (await NeedAsync(id)).SupportCount);
        Assert.Equal(201, await host.WithDbAsync(db => db.NeedSupports.CountAsync(s => s.NeedId == id)));
    }

    [Fact]
    public async Task An_answered_need_takes_no_more_support_and_says_why()
    {
        var id = await RaiseAsync(await host.CreateUserAsync("Kertoja"), "Vastattu tarve");
        var supporter = await host.CreateUserAsync("Myöhäinen Tukija");
        var client = host.Client(supporter);
        var token = await client.FormTokenAsync($"/needs/{id}");
        await host.WithDbAsync(db => db.Needs.Where(n => n.Id == id).ExecuteUpdateAsync(n => n.SetProperty(x => x.State, NeedState.Answered)));

        var response = await client.PostAsync($"/needs/{id}?handler=Support",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Tarve on jo käsitelty", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, (await NeedAsync(id)).SupportCount);
    }

    [Fact]
    public async Task A_visitor_reads_a_need_is_asked_to_sign_in_to_support_it_and_sees_each_new_support_at_once()
    {
        var id = await RaiseAsync(await host.CreateUserAsync("Kertoja"), "Julkinen tarve");
        var visitor = host.Client();
        var page = await visitor.GetStringAsync($"/needs/{id}?culture=fi");
        Assert.Contains("Kirjaudu sisään tukeaksesi tarvetta", page);
        Assert.Contains("1 tukija", page);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/needs/999999")).StatusCode);

        // The page comes to visitors from the output cache, which a support clears.
        using (var scope = host.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<NeedSupports>().SupportAsync(id, await host.CreateUserAsync("Tukija"), null, default);
        Assert.Contains("2 tukijaa", await visitor.GetStringAsync($"/needs/{id}?culture=fi"));
        Assert.Contains("2 tukijaa", await visitor.GetStringAsync("/needs?sort=newest&culture=fi"));
    }

    [Fact]
    public async Task Deleting_the_account_takes_back_her_supports_and_leaves_her_needs_without_her()
    {
        const string password = "pitkä-salasana-tarpeille-2026";
        var leaving = await host.CreateUserAsync("Lähtevä Tukija");
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            Assert.True((await users.AddPasswordAsync((await users.FindByIdAsync(leaving))!, password)).Succeeded);
        }
        var hers = await RaiseAsync(leaving, "Lähtevän tarve");
        var other = await RaiseAsync(await host.CreateUserAsync("Toinen Kertoja"), "Toisen tarve");
        await host.Client(leaving).PostFormAsync($"/needs/{other}", [new("Comment", "Tuen")], $"/needs/{other}?handler=Support");
        Assert.Equal(2, (await NeedAsync(other)).SupportCount);
        Assert.Contains("Lähtevän tarve", await host.Client(leaving).GetStringAsync("/account/my-data"));

        Assert.Equal(HttpStatusCode.Redirect, (await host.Client(leaving).PostFormAsync("/account/delete", ("Password", password))).StatusCode);

        Assert.Equal(1, (await NeedAsync(other)).SupportCount);
        var kept = await NeedAsync(hers);
        Assert.Null(kept.RaisedById);
        Assert.Equal(0, kept.SupportCount);
        var page = await host.Client().GetStringAsync($"/needs/{hers}");
        Assert.DoesNotContain("Lähtevä Tukija", page);
        Assert.Contains("Verkoston jäsen", page);
    }
}
