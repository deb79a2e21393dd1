using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Communication.Newsletter;
using Yhdessa.Features.Communication.Newsletter.Data;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Events;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Communication;

[Collection("Communication on SQLite")]
public sealed class SubscriptionsOnSqlite(SqliteApp app) : SubscriptionTests(app);
[Collection("Communication on PostgreSQL")]
public sealed class SubscriptionsOnPostgres(PostgresApp app) : SubscriptionTests(app);

/// <summary>The newsletter's list: double opt-in, consent kept word for word, preferences and one-click unsubscribing
/// without signing in, and a form that tells no one who is subscribed.</summary>
public abstract class SubscriptionTests(YhdessaApp app)
{
    private readonly WebApplicationFactory<Program> host = NetworkTestHost.For(app);

    private static string Address(string name = "tilaaja") => $"{name}.{Guid.NewGuid():N}@example.fi";

    private static Task<HttpResponseMessage> SubscribeAsync(HttpClient client, string email, string language = "fi", params int[] themes) =>
        client.PostFormAsync("/newsletter", [new("Input.Email", email), new("Input.Language", language),
            .. themes.Select(t => new KeyValuePair<string, string>("Input.ThemeIds", t.ToString()))]);

    private Task<List<OutgoingEmail>> MailToAsync(string address) =>
        host.WithDbAsync(db => db.Set<OutgoingEmail>().AsNoTracking().Where(m => m.To == address).OrderBy(m => m.Id).ToListAsync());

    private Task<Subscription?> SubscriptionAsync(string address) => host.WithDbAsync(db => db.Subscriptions.AsNoTracking()
        .Include(s => s.Topics).Include(s => s.Consents).SingleOrDefaultAsync(s => s.EmailKey == Subscriptions.KeyOf(address)));

    private static string LinkIn(OutgoingEmail mail, string path) =>
        new Uri(Regex.Match(mail.TextBody, $@"https://yhdessa\.test{path}\S+").Value).PathAndQuery;

    private Task<int> ThemeAsync() => host.WithDbAsync(async db =>
    {
        var theme = new EventTheme { NameFi = EventTestData.Unique("Uutiskirjeen aihe") };
        db.EventThemes.Add(theme);
        await db.SaveChangesAsync();
        return theme.Id;
    });

    [Fact]
    public async Task A_visitor_subscribes_only_by_confirming_the_mailed_link_and_her_consent_is_kept_in_her_language()
    {
        var address = Address();
        var theme = await ThemeAsync();

        var sent = await SubscribeAsync(host.Client(), address, "sv", theme);

        Assert.Equal("/newsletter?sent=true", sent.Headers.Location?.OriginalString);
        Assert.Contains("Katso sähköpostisi", await host.Client().GetStringAsync("/newsletter?sent=true"));
        var mail = Assert.Single(await MailToAsync(address));
        Assert.Equal("Bekräfta prenumerationen på nyhetsbrevet", mail.Subject);
        Assert.Contains("lang=\"sv\"", mail.HtmlBody);
        Assert.Equal(SubscriptionState.Pending, (await SubscriptionAsync(address))!.State);

        var link = LinkIn(mail, "/newsletter/confirm/");
        var page = await host.Client().GetStringAsync(link);
        Assert.Contains("Bekräftar du prenumerationen", page);
        Assert.Equal(SubscriptionState.Pending, (await SubscriptionAsync(address))!.State);
        var confirmed = await host.Client().PostFormAsync(link, []);
        Assert.Contains("Prenumerationen är bekräftad", await confirmed.Content.ReadAsStringAsync());

        var subscription = (await SubscriptionAsync(address))!;
        Assert.Equal(SubscriptionState.Active, subscription.State);
        Assert.Equal("sv", subscription.Language);
        Assert.Equal([theme], subscription.Topics.Select(t => t.ThemeId));
        Assert.Equal([ConsentAction.Requested, ConsentAction.Confirmed], subscription.Consents.OrderBy(c => c.At).ThenBy(c => c.Id).Select(c => c.Action).ToList());
        Assert.All(subscription.Consents, c => Assert.Equal("sv", c.Language));
        Assert.StartsWith("Genom att prenumerera", subscription.Consents.First(c => c.Action == ConsentAction.Requested).Text);
        Assert.Contains("har redan använts", await host.Client().GetStringAsync(link));
    }

    [Fact]
    public async Task Asking_again_sends_no_second_mail_within_an_hour_and_the_answer_tells_nothing_of_the_address()
    {
        var pending = Address("odottava");
        var active = Address("tilannut");
        await SubscribeAsync(host.Client(), pending);
        await host.WithDbAsync(db =>
        {
            db.Subscriptions.Add(new Subscription
            {
                Email = active, EmailKey = active, State = SubscriptionState.Active, ManageToken = Guid.NewGuid().ToString("N"),
                CreatedAt = DateTimeOffset.UtcNow, LastMailedAt = DateTimeOffset.UtcNow.AddMinutes(-10),
            });
            return db.SaveChangesAsync();
        });

        var answers = new List<string?>();
        foreach (var email in new[] { pending, pending.ToUpperInvariant(), active, Address("uusi") })
        {
            var response = await SubscribeAsync(host.Client(), email);
            answers.Add($"{(int)response.StatusCode} {response.Headers.Location}");
        }

        Assert.Single(answers.Distinct());
        Assert.Single(await MailToAsync(pending));
        Assert.Empty(await MailToAsync(active));
        await host.WithDbAsync(db => db.Subscriptions.Where(s => s.EmailKey == active)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastMailedAt, DateTimeOffset.UtcNow.AddHours(-2))));
        await SubscribeAsync(host.Client(), active);
        var already = Assert.Single(await MailToAsync(active));
        Assert.Equal("Uutiskirjeen tilauksesi", already.Subject);
        Assert.Equal(SubscriptionState.Active, (await SubscriptionAsync(active))!.State);
    }

    public static TheoryData<string, string> BadAddresses() => new()
    {
        { "", "Kirjoita sähköpostiosoite." },
        { "ei-osoite", "Sähköpostiosoite ei ole oikean muotoinen." },
        { "kaksi@@example.fi", "Sähköpostiosoite ei ole oikean muotoinen." },
        { "nimi\u200B@example.fi", "Sähköpostiosoite ei ole oikean muotoinen." },
    };

    [Theory]
    [MemberData(nameof(BadAddresses))]
    public async Task A_bad_address_is_refused_with_a_message_and_nothing_is_saved_or_sent(string email, string message)
    {
        var before = await host.WithDbAsync(db => db.Subscriptions.CountAsync());
        var response = await SubscribeAsync(host.Client(), email);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await host.WithDbAsync(db => db.Subscriptions.CountAsync()));
    }

    [Fact]
    public async Task An_expired_link_says_so_and_confirms_nothing()
    {
        var address = Address();
        await SubscribeAsync(host.Client(), address);
        var link = LinkIn(Assert.Single(await MailToAsync(address)), "/newsletter/confirm/");
        await host.WithDbAsync(db => db.Subscriptions.Where(s => s.EmailKey == address)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConfirmExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        Assert.Contains("Vahvistuslinkki on vanhentunut", await host.Client().GetStringAsync(link));
        var visitor = host.Client();
        var token = await visitor.FormTokenAsync("/newsletter");
        var pressed = await visitor.PostAsync(link, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Contains("Vahvistuslinkki on vanhentunut", await pressed.Content.ReadAsStringAsync());
        Assert.Equal(SubscriptionState.Pending, (await SubscriptionAsync(address))!.State);
        Assert.Contains("Linkki on jo käytetty", await host.Client().GetStringAsync("/newsletter/confirm/tuntematon"));
    }

    private async Task<Subscription> ActiveAsync(string address)
    {
        await SubscribeAsync(host.Client(), address);
        await host.Client().PostFormAsync(LinkIn(Assert.Single(await MailToAsync(address)), "/newsletter/confirm/"), []);
        return (await SubscriptionAsync(address))!;
    }

    [Fact]
    public async Task One_click_unsubscribing_works_without_a_cookie_or_token_while_other_forms_keep_their_protection()
    {
        var subscription = await ActiveAsync(Address());
        var bare = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var refused = await bare.PostAsync($"/newsletter/preferences/{subscription.ManageToken}",
            new FormUrlEncodedContent([new("Input.Language", "en")]));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("fi", (await SubscriptionAsync(subscription.Email))!.Language);

        var oneClick = await bare.PostAsync($"/newsletter/unsubscribe/{subscription.ManageToken}",
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(SubscriptionState.Unsubscribed, (await SubscriptionAsync(subscription.Email))!.State);
        Assert.Equal(HttpStatusCode.NotFound, (await bare.PostAsync("/newsletter/unsubscribe/tuntematon", new FormUrlEncodedContent([]))).StatusCode);
    }

    [Fact]
    public async Task The_link_changes_language_and_topics_unsubscribes_and_brings_her_back()
    {
        var subscription = await ActiveAsync(Address());
        var theme = await ThemeAsync();
        var preferences = $"/newsletter/preferences/{subscription.ManageToken}";
        var visitor = host.Client();

        Assert.Equal(HttpStatusCode.Redirect, (await visitor.PostFormAsync(preferences,
            [new("Input.Language", "en"), new("Input.ThemeIds", theme.ToString())])).StatusCode);
        var changed = (await SubscriptionAsync(subscription.Email))!;
        Assert.Equal("en", changed.Language);
        Assert.Equal([theme], changed.Topics.Select(t => t.ThemeId));
        Assert.Contains(changed.Consents, c => c.Action == ConsentAction.Changed);
        var bad = await visitor.PostFormAsync(preferences, [new("Input.Language", "de")]);
        Assert.Contains("Valitse uutiskirjeen kieli.", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));

        await visitor.PostFormAsync(preferences, [], preferences + "?handler=Unsubscribe");
        Assert.Equal(SubscriptionState.Unsubscribed, (await SubscriptionAsync(subscription.Email))!.State);
        Assert.Contains("Tilaa uudelleen", await visitor.GetStringAsync(preferences));
        await visitor.PostFormAsync(preferences, [], preferences + "?handler=Resubscribe");
        Assert.Equal(SubscriptionState.Active, (await SubscriptionAsync(subscription.Email))!.State);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/newsletter/preferences/tuntematon")).StatusCode);
    }

    [Fact]
    public async Task A_member_subscribes_her_accounts_address_sees_her_consent_in_her_data_and_it_goes_with_the_account()
    {
        const string password = "pitkä-salasana-uutiskirjeelle-2026";
        var member = await host.CreateUserAsync("Tilaava Jäsen");
        string email;
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = (await users.FindByIdAsync(member))!;
            email = user.Email!;
            Assert.True((await users.AddPasswordAsync(user, password)).Succeeded);
        }
        var client = host.Client(member);
        Assert.DoesNotContain("name=\"Input.Email\"", await client.GetStringAsync("/newsletter"));

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/newsletter", [new("Input.Language", "fi")], "/newsletter?handler=Member")).StatusCode);

        var subscription = (await SubscriptionAsync(email))!;
        Assert.Equal((SubscriptionState.Active, member), (subscription.State, subscription.UserId));
        Assert.Contains("Tilaat uutiskirjeen osoitteeseen", await client.GetStringAsync("/newsletter"));
        var data = await client.GetStringAsync("/account/my-data");
        Assert.Contains("\"newsletter\"", data);
        Assert.Contains("Vahvistat, että haluat verkoston uutiskirjeen", data);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/account/delete", ("Password", password))).StatusCode);
        Assert.Null(await SubscriptionAsync(email));
    }

    [Fact]
    public async Task Unsubscribed_addresses_are_deleted_after_thirty_days_and_unconfirmed_ones_when_their_link_expires()
    {
        var (left31, left29, expired) = (Address("lahti31"), Address("lahti29"), Address("vanhentunut"));
        var now = DateTimeOffset.UtcNow;
        await host.WithDbAsync(async db =>
        {
            db.Subscriptions.AddRange(
                new Subscription { Email = left31, EmailKey = left31, State = SubscriptionState.Unsubscribed, UnsubscribedAt = now.AddDays(-31), ManageToken = Guid.NewGuid().ToString("N"), CreatedAt = now.AddDays(-60) },
                new Subscription { Email = left29, EmailKey = left29, State = SubscriptionState.Unsubscribed, UnsubscribedAt = now.AddDays(-29), ManageToken = Guid.NewGuid().ToString("N"), CreatedAt = now.AddDays(-60) },
                new Subscription { Email = expired, EmailKey = expired, State = SubscriptionState.Pending, ConfirmHash = "x", ConfirmExpiresAt = now.AddHours(-1), ManageToken = Guid.NewGuid().ToString("N"), CreatedAt = now.AddDays(-3) });
            await db.SaveChangesAsync();
        });

        using (var scope = host.Services.CreateScope())
            await ActivatorUtilities.CreateInstance<SubscriptionRetention>(scope.ServiceProvider).RunAsync(default);

        Assert.Null(await SubscriptionAsync(left31));
        Assert.NotNull(await SubscriptionAsync(left29));
        Assert.Null(await SubscriptionAsync(expired));
    }
}

/// <summary>The rate limit per connection address, which is the same on both engines (it lives in the app).</summary>
[Collection("Communication on SQLite")]
public sealed class SubscriptionRateLimitTests(SqliteApp app)
{
    [Fact]
    public async Task A_flood_of_requests_from_one_address_is_cut_off_with_a_translated_page()
    {
        var limited = NetworkTestHost.For(app).WithWebHostBuilder(builder => builder.UseSetting("Yhdessa:Newsletter:RequestsPerHour", "2"));
        Task<HttpResponseMessage> SendAsync() => limited.Client().PostFormAsync("/newsletter?culture=sv",
            [new("Input.Email", $"tulva.{Guid.NewGuid():N}@example.fi"), new("Input.Language", "sv")], "/newsletter?culture=sv");

        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync()).StatusCode);
        var cut = await SendAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, cut.StatusCode);
        Assert.Contains("<html lang=\"sv\"", await cut.Content.ReadAsStringAsync());
    }
}
