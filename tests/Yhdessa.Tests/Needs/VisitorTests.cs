using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Needs;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Needs;

[Collection("Needs on SQLite")]
public sealed class VisitorOnSqlite(SqliteApp app) : VisitorTests(app);
[Collection("Needs on PostgreSQL")]
public sealed class VisitorOnPostgres(PostgresApp app) : VisitorTests(app);

/// <summary>A visitor without an account raises a need: nothing is public before she confirms it by the mailed link.</summary>
public abstract class VisitorTests(YhdessaApp app)
{
    private readonly WebApplicationFactory<Program> host = NetworkTestHost.For(app);

    private static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..8]}";

    private static string Address() => $"kavija-{Guid.NewGuid():N}@example.org";

    /// <summary>Sends the form as a visitor, past the similar needs (which a first send shows when there are any), and
    /// follows the redirect to the page that says where the link went.</summary>
    private static async Task<HttpResponseMessage> RaiseAsync(HttpClient visitor, string title, string? email, string culture = "fi")
    {
        var sent = await visitor.PostFormAsync($"/needs/new?culture={culture}",
        [
            new("Input.Kind", "WeakSignal"), new("Input.Title", title), new("Input.Description", "Havainto kentältä."),
            new("Input.SimilarShown", "true"), new("Input.Email", email ?? ""),
        ], $"/needs/new?culture={culture}");
        if (sent.StatusCode != HttpStatusCode.Redirect) return sent;
        Assert.Equal("/needs/new?sent=true", sent.Headers.Location?.OriginalString);
        return await visitor.GetAsync($"/needs/new?sent=true&culture={culture}");
    }

    private Task<List<OutgoingEmail>> MailToAsync(string address) =>
        host.WithDbAsync(db => db.Set<OutgoingEmail>().AsNoTracking().Where(m => m.To == address).OrderBy(m => m.Id).ToListAsync());

    private static string ConfirmLink(OutgoingEmail mail) =>
        new Uri(Regex.Match(mail.TextBody, @"https://yhdessa\.test/needs/confirm/\S+").Value).PathAndQuery;

    private Task<Need?> NeedTitledAsync(string title) =>
        host.WithDbAsync(db => db.Needs.AsNoTracking().SingleOrDefaultAsync(n => n.Title == title));

    [Fact]
    public async Task A_visitors_need_is_public_only_after_she_confirms_it_by_the_mailed_link_and_never_shows_her_address()
    {
        var visitor = host.Client();
        var form = await visitor.GetStringAsync("/needs/new?culture=fi");
        Assert.Contains("Et ole kirjautunut", form);
        Assert.Contains("name=\"Input.Email\"", form);
        Assert.DoesNotContain("name=\"Input.ShowName\"", form);
        var (title, address) = (Unique("Yökahvila suljettu"), Address());

        var sent = await RaiseAsync(visitor, title, address);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var page = await sent.Content.ReadAsStringAsync();
        Assert.Contains("Tarkista sähköpostisi", page);
        Assert.Contains(address, page);
        // Reloading the page sends nothing again.
        Assert.DoesNotContain("Tarkista sähköpostisi", await visitor.GetStringAsync("/needs/new?sent=true&culture=fi"));

        var waiting = await NeedTitledAsync(title);
        Assert.NotNull(waiting);
        Assert.Equal(NeedOrigin.Visitor, waiting.Origin);
        Assert.Null(waiting.ConfirmedAt);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/needs/{waiting.Id}")).StatusCode);
        Assert.DoesNotContain(title, await visitor.GetStringAsync("/needs?sort=newest"));
        Assert.DoesNotContain(title, await visitor.GetStringAsync("/api/v1/needs?sort=newest"));

        var mail = Assert.Single(await MailToAsync(address));
        Assert.Equal("Vahvista tarpeesi", mail.Subject);
        Assert.Contains($"”{title}”", mail.TextBody);
        var link = ConfirmLink(mail);
        // Opening the link publishes nothing by itself (a mail program may open it): the page asks first.
        var question = await visitor.GetStringAsync(link);
        Assert.Contains(title, question);
        Assert.Contains("Vahvista ja julkaise", question);
        Assert.Null((await NeedTitledAsync(title))!.ConfirmedAt);

        var confirmed = await visitor.PostFormAsync(link, []);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal($"/needs/{waiting.Id}", confirmed.Headers.Location?.OriginalString);
        var shown = await visitor.GetStringAsync($"/needs/{waiting.Id}?culture=fi");
        Assert.Contains(title, shown);
        Assert.Contains("Vierailija", shown);
        Assert.DoesNotContain(address, shown);
        var api = await visitor.GetStringAsync($"/api/v1/needs/{waiting.Id}");
        Assert.Contains("\"origin\":\"Visitor\"", api);
        Assert.DoesNotContain(address, api);
        Assert.DoesNotContain(address, await visitor.GetStringAsync("/needs/feed"));

        // The link works once.
        var again = await visitor.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("Linkki on jo käytetty tai vanhentunut", await again.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("", "Anna sähköpostiosoite.")]
    [InlineData("ei-osoite", "Sähköpostiosoite ei ole oikeanmuotoinen")]
    public async Task A_visitor_without_a_valid_address_is_told_and_nothing_is_saved(string email, string message)
    {
        var title = Unique("Osoitteeton tarve");
        var response = await RaiseAsync(host.Client(), title, email);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, page);
        Assert.Contains(title, page); // what she wrote stays in the form
        Assert.Null(await NeedTitledAsync(title));
    }

    [Fact]
    public async Task One_address_may_have_three_needs_waiting_and_the_fourth_is_refused_with_nothing_saved()
    {
        var address = Address();
        for (var i = 0; i < VisitorNeeds.WaitingPerAddress; i++)
            Assert.Contains("Tarkista sähköpostisi", await (await RaiseAsync(host.Client(), Unique("Odottava"), address.ToUpperInvariant())).Content.ReadAsStringAsync());
        var title = Unique("Neljäs");

        var refused = await (await RaiseAsync(host.Client(), title, address)).Content.ReadAsStringAsync();

        Assert.Contains("Tähän osoitteeseen on jo lähetetty 3 vahvistamatonta tarvetta", refused);
        Assert.Null(await NeedTitledAsync(title));
        Assert.Equal(VisitorNeeds.WaitingPerAddress, (await MailToAsync(address)).Count);
        // Another address is not held back by hers.
        Assert.Contains("Tarkista sähköpostisi", await (await RaiseAsync(host.Client(), Unique("Toinen"), Address())).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task When_the_whole_site_has_its_limit_of_needs_waiting_a_new_one_is_refused()
    {
        using var scope = host.Services.CreateScope();
        var services = scope.ServiceProvider;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var waitingNow = await services.GetRequiredService<Yhdessa.Platform.Data.YhdessaDb>().NeedVisitors
            .CountAsync(v => v.ConfirmTokenHash != null && v.ConfirmBy > now);
        var full = ActivatorUtilities.CreateInstance<VisitorNeeds>(services, Options.Create(new VisitorNeedOptions { WaitingAtMost = waitingNow }));
        var title = Unique("Tulva");

        var result = await full.RaiseAsync(new Need { Kind = NeedKind.Training, Title = title, Description = "Kuvaus" }, [], Address(), default);

        Assert.Equal(VisitorNeedResult.TooManyWaiting, result);
        Assert.Null(await NeedTitledAsync(title));
    }

    [Fact]
    public async Task An_expired_link_publishes_nothing_and_the_unconfirmed_need_is_deleted_with_her_address()
    {
        var (title, address) = (Unique("Vanheneva"), Address());
        await RaiseAsync(host.Client(), title, address);
        var need = (await NeedTitledAsync(title))!;
        await host.WithDbAsync(db => db.NeedVisitors.Where(v => v.NeedId == need.Id)
            .ExecuteUpdateAsync(v => v.SetProperty(x => x.ConfirmBy, DateTimeOffset.UtcNow.AddMinutes(-1))));
        var link = ConfirmLink(Assert.Single(await MailToAsync(address)));

        Assert.Equal(HttpStatusCode.NotFound, (await host.Client().GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client().PostFormAsync("/needs/new", [], link)).StatusCode);
        Assert.Null((await NeedTitledAsync(title))!.ConfirmedAt);

        using (var scope = host.Services.CreateScope())
            await ActivatorUtilities.CreateInstance<VisitorNeedRetention>(scope.ServiceProvider).RunAsync(default);

        Assert.Null(await NeedTitledAsync(title));
        Assert.False(await host.WithDbAsync(db => db.NeedVisitors.AnyAsync(v => v.Email == address)));
    }

    [Fact]
    public async Task The_visitor_hears_of_a_change_in_the_language_she_wrote_in_until_she_stops_it_and_then_her_address_is_gone()
    {
        var (title, address) = (Unique("Besökarens behov"), Address());
        var visitor = host.Client();
        await RaiseAsync(visitor, title, address, "sv");
        var confirmMail = Assert.Single(await MailToAsync(address));
        Assert.Equal("Bekräfta ditt behov", confirmMail.Subject);
        await visitor.PostFormAsync(ConfirmLink(confirmMail), []);
        var need = (await NeedTitledAsync(title))!;
        var coordinator = host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));

        await coordinator.PostFormAsync($"/needs/{need.Id}",
            [new("Triage.Revision", need.Revision.ToString()), new("Triage.To", nameof(NeedState.UnderConsideration))], $"/needs/{need.Id}?handler=Move");

        var changed = (await MailToAsync(address)).Last();
        Assert.Contains("Hej,", changed.TextBody);
        Assert.Contains("har nu statusen: Under övervägande.", changed.TextBody);
        var stop = new Uri(Regex.Match(changed.TextBody, @"https://yhdessa\.test/needs/stop/\S+").Value).PathAndQuery;
        Assert.Contains(title, await visitor.GetStringAsync(stop));
        Assert.Equal(HttpStatusCode.OK, (await visitor.PostFormAsync(stop, [])).StatusCode);
        Assert.False(await host.WithDbAsync(db => db.NeedVisitors.AnyAsync(v => v.Email == address)));

        need = (await NeedTitledAsync(title))!;
        await coordinator.PostFormAsync($"/needs/{need.Id}",
            [new("Triage.Revision", need.Revision.ToString()), new("Triage.To", nameof(NeedState.Planned)), new("Triage.PublicNote", "Syksyllä.")],
            $"/needs/{need.Id}?handler=Move");
        Assert.Equal(2, (await MailToAsync(address)).Count);
        Assert.Contains(title, await host.Client().GetStringAsync($"/needs/{need.Id}")); // the need stays, without her
    }
}

/// <summary>The rate limit per connection address, which is the same on both engines (it lives in the app).</summary>
[Collection("Needs on SQLite")]
public sealed class VisitorRateLimitTests(SqliteApp app)
{
    [Fact]
    public async Task A_flood_of_visitors_sends_from_one_address_is_cut_off_with_a_translated_page_while_members_go_on()
    {
        var limited = NetworkTestHost.For(app).WithWebHostBuilder(builder => builder.UseSetting("Yhdessa:Needs:Visitors:PostsPerHour", "2"));
        Task<HttpResponseMessage> SendAsync(HttpClient client) => client.PostFormAsync("/needs/new?culture=fi",
            [new("Input.Kind", "Training"), new("Input.Title", "Tulva"), new("Input.Description", "Kuvaus"), new("Input.Email", "")],
            "/needs/new?culture=fi");

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(limited.Client())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(limited.Client())).StatusCode);
        var cut = await SendAsync(limited.Client());

        Assert.Equal(HttpStatusCode.TooManyRequests, cut.StatusCode);
        Assert.Contains("<html lang=\"fi\"", await cut.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SendAsync(limited.Client(await limited.CreateUserAsync("Jäsen Tulvassa")))).StatusCode);
    }
}
