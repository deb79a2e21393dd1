using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Needs;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Needs;

[Collection("Needs on SQLite")]
public sealed class FollowOnSqlite(SqliteApp app) : FollowTests(app);
[Collection("Needs on PostgreSQL")]
public sealed class FollowOnPostgres(PostgresApp app) : FollowTests(app);

/// <summary>Who hears of a need's changes, in which language, and how the mail is stopped without signing in.</summary>
public abstract class FollowTests(YhdessaApp app)
{
    private readonly WebApplicationFactory<Program> host = NetworkTestHost.For(app);

    private async Task<string> PersonAsync(string name, string language = "fi", string? role = null)
    {
        var id = await host.CreateUserAsync(name, role);
        await host.WithDbAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, language)));
        return id;
    }

    private async Task<int> RaiseAsync(string raiserId, string title)
    {
        using var scope = host.Services.CreateScope();
        var need = await scope.ServiceProvider.GetRequiredService<NeedCatalogue>().RaiseAsync(new Need
        {
            Kind = NeedKind.Training, Title = title, Description = "Kuvaus", RaisedById = raiserId, RaiserNameShown = true,
        }, [], default);
        return need.Id;
    }

    private Task<List<OutgoingEmail>> MailToAsync(string userId) =>
        host.WithDbAsync(db => db.Set<OutgoingEmail>().AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.Id).ToListAsync());

    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, int id, int revision, NeedState to, string? note = null, int? mergeInto = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Triage.Revision", revision.ToString()), new("Triage.To", to.ToString()) };
        if (note is not null) fields.Add(new("Triage.PublicNote", note));
        if (mergeInto is { } target) fields.Add(new("Triage.MergeInto", target.ToString()));
        return client.PostFormAsync($"/needs/{id}", fields, $"/needs/{id}?handler=Move");
    }

    [Fact]
    public async Task The_raiser_supporters_and_followers_hear_of_a_change_in_their_own_language_and_the_one_who_acted_does_not()
    {
        var title = "Seurattava tarve " + Guid.NewGuid().ToString("N")[..6];
        var raiser = await PersonAsync("Kertoja");
        var id = await RaiseAsync(raiser, title);
        var supporter = await PersonAsync("Ruotsinkielinen Tukija", "sv");
        var follower = await PersonAsync("English Follower", "en");
        var bystander = await PersonAsync("Sivullinen");
        using (var scope = host.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<NeedSupports>().SupportAsync(id, supporter, null, default);
        Assert.Equal(HttpStatusCode.Redirect, (await host.Client(follower).PostFormAsync($"/needs/{id}", [], $"/needs/{id}?handler=Follow")).StatusCode);
        Assert.Contains("Seuraat tätä tarvetta", await host.Client(follower).GetStringAsync($"/needs/{id}?culture=fi"));
        var coordinator = await PersonAsync("Koordinaattori", role: Roles.Coordinator);
        await host.Client(coordinator).PostFormAsync($"/needs/{id}", [], $"/needs/{id}?handler=Follow");

        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(host.Client(coordinator), id, 0, NeedState.Planned, "Koulutus keväällä.")).StatusCode);

        var fi = Assert.Single(await MailToAsync(raiser));
        Assert.Equal($"Tarpeen ”{title}” tila on muuttunut", fi.Subject);
        Assert.Contains("on nyt tilassa: Suunniteltu.", fi.TextBody);
        Assert.Contains("Koulutus keväällä.", fi.TextBody);
        var sv = Assert.Single(await MailToAsync(supporter));
        Assert.Contains("har nu statusen: Planerad.", sv.TextBody);
        Assert.Contains("/needs/stop/", sv.HtmlBody);
        var en = Assert.Single(await MailToAsync(follower));
        Assert.Contains("is now: Planned.", en.TextBody);
        Assert.Empty(await MailToAsync(coordinator));
        Assert.Empty(await MailToAsync(bystander));
    }

    [Fact]
    public async Task The_link_in_the_mail_stops_that_needs_mail_without_signing_in_and_only_after_the_button()
    {
        var raiser = await PersonAsync("Kertoja");
        var id = await RaiseAsync(raiser, "Lopetettava " + Guid.NewGuid().ToString("N")[..6]);
        var coordinator = host.Client(await PersonAsync("Koordinaattori", role: Roles.Coordinator));
        await MoveAsync(coordinator, id, 0, NeedState.UnderConsideration);
        var stop = Regex.Match(Assert.Single(await MailToAsync(raiser)).TextBody, @"http\S+/needs/stop/\S+").Value;
        var path = new Uri(stop).PathAndQuery;
        var visitor = host.Client();

        Assert.Contains("Haluatko lopettaa sähköpostit tarpeesta", await visitor.GetStringAsync(path));
        Assert.True(await host.WithDbAsync(db => db.NeedFollowers.AnyAsync(f => f.NeedId == id && f.UserId == raiser)));
        var stopped = await visitor.PostFormAsync(path, []);
        Assert.Contains("Et saa enää sähköpostia tarpeesta", await stopped.Content.ReadAsStringAsync());
        Assert.False(await host.WithDbAsync(db => db.NeedFollowers.AnyAsync(f => f.NeedId == id && f.UserId == raiser)));

        await MoveAsync(coordinator, id, 1, NeedState.Planned);
        Assert.Single(await MailToAsync(raiser));
        var used = await visitor.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, used.StatusCode);
        Assert.Contains("Linkki on jo käytetty", await used.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_merge_tells_the_followers_and_they_follow_the_other_need_from_then_on()
    {
        var raiser = await PersonAsync("Yhdistyvän Kertoja");
        var source = await RaiseAsync(raiser, "Yhdistyvä " + Guid.NewGuid().ToString("N")[..6]);
        var target = await RaiseAsync(await PersonAsync("Jatkavan Kertoja"), "Jatkava " + Guid.NewGuid().ToString("N")[..6]);
        var coordinator = host.Client(await PersonAsync("Koordinaattori", role: Roles.Coordinator));

        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(coordinator, source, 0, NeedState.Merged, mergeInto: target)).StatusCode);

        var mail = Assert.Single(await MailToAsync(raiser));
        Assert.Contains("yhdistettiin samaa asiaa koskevaan tarpeeseen", mail.TextBody);
        Assert.Contains($"/needs/{target}?", mail.TextBody);
        Assert.True(await host.WithDbAsync(db => db.NeedFollowers.AnyAsync(f => f.NeedId == target && f.UserId == raiser)));
        Assert.False(await host.WithDbAsync(db => db.NeedFollowers.AnyAsync(f => f.NeedId == source)));
    }

    [Fact]
    public async Task Following_twice_is_following_once_and_a_deleted_account_follows_nothing()
    {
        const string password = "pitkä-salasana-poistolle-2026";
        var id = await RaiseAsync(await PersonAsync("Kertoja"), "Seurattava " + Guid.NewGuid().ToString("N")[..6]);
        var follower = await PersonAsync("Lähtevä Seuraaja");
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            Assert.True((await users.AddPasswordAsync((await users.FindByIdAsync(follower))!, password)).Succeeded);
        }
        var client = host.Client(follower);
        var token = await client.FormTokenAsync($"/needs/{id}");
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.PostAsync($"/needs/{id}?handler=Follow",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))));
        Assert.Equal(1, await host.WithDbAsync(db => db.NeedFollowers.CountAsync(f => f.NeedId == id && f.UserId == follower)));

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/account/delete", ("Password", password))).StatusCode);
        Assert.Equal(0, await host.WithDbAsync(db => db.NeedFollowers.CountAsync(f => f.UserId == follower)));
    }
}
