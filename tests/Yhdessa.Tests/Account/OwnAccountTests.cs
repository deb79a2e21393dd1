using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Account;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;


namespace Yhdessa.Tests.Account;

[Collection("Account on SQLite")]
public sealed class OwnAccountOnSqlite(SqliteApp app) : OwnAccountTests(app);
[Collection("Account on PostgreSQL")]
public sealed class OwnAccountOnPostgres(PostgresApp app) : OwnAccountTests(app);

public abstract class OwnAccountTests(YhdessaApp app)
{
    private const string Password = "punainen tupa ja perunamaa";

    private static string NewEmail() => $"oma-{Guid.NewGuid():N}@example.fi";

    private async Task<WebBrowser> SignedInAsync(string email)
    {
        var browser = WebBrowser.Open(app);
        var page = await browser.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal("/account", page.Path);
        return browser;
    }

    [Theory]
    [InlineData("/account/email", "Input.Password")]
    [InlineData("/account/password", "Input.CurrentPassword")]
    [InlineData("/account/delete", "Password")]
    public async Task Wrong_current_passwords_count_towards_the_lockout(string page, string field)
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var browser = await SignedInAsync(email);
        Dictionary<string, string> Form(string password) => new()
        {
            ["Input.NewEmail"] = NewEmail(), ["Input.NewPassword"] = "aivan uusi pitkä salasana", [field] = password,
        };

        for (var i = 0; i < 5; i++)
            await browser.SubmitAsync(page, Form($"väärä salasana {i}"));

        // Locked out now: even the right password is refused, with the lockout message, and nothing changes.
        var locked = await browser.SubmitAsync(page, Form(Password));
        Assert.Equal(page, locked.Path);
        Assert.Contains("Liian monta epäonnistunutta yritystä", locked.ErrorSummary);
        var user = (await app.FindUserAsync(email))!;
        Assert.NotNull(user.LockoutEnd);
        Assert.Equal(email, user.Email);
        var signIn = await WebBrowser.Open(app).SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.StartsWith("/account/sign-in", signIn.Path);
    }

    [Theory]
    [InlineData("/account/email", "Input.Password")]
    [InlineData("/account/password", "Input.CurrentPassword")]
    [InlineData("/account/delete", "Password")]
    public async Task Password_guesses_on_account_pages_are_rate_limited(string page, string field)
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var limited = app.WithWebHostBuilder(builder => builder.UseSetting("Yhdessa:RateLimits:AccountPermitsPerMinute", "3"));
        var browser = new WebBrowser(limited.CreateClient());
        // Signing in is the first of the three submissions allowed in the minute.
        var signedIn = await browser.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal("/account", signedIn.Path);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add((await browser.SubmitAsync(page, new() { [field] = $"väärä salasana {i}" })).Status);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_new_name_or_a_deleted_account_shows_at_once_on_cached_public_pages()
    {
        var email = NewEmail();
        var id = await app.CreateUserAsync(email, Password);
        var profileId = await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            var profile = new PersonProfile { UserId = id, IsPublic = true, UpdatedAt = DateTimeOffset.UtcNow };
            db.PersonProfiles.Add(profile);
            await db.SaveChangesAsync();
            return profile.Id;
        });
        var visitor = WebBrowser.Open(app);
        var url = $"/network/people/{profileId}";
        Assert.Equal("Testi Henkilö", (await visitor.OpenAsync(url)).H1);
        Assert.Equal("Testi Henkilö", (await visitor.OpenAsync(url)).H1);

        var owner = await SignedInAsync(email);
        await owner.SubmitAsync("/account/profile", new() { ["Input.DisplayName"] = "Uusi Nimi", ["Input.PreferredLanguage"] = "fi" });
        Assert.Equal("Uusi Nimi", (await visitor.OpenAsync(url)).H1);

        var deleted = await owner.SubmitAsync("/account/delete", new() { ["Password"] = Password });
        Assert.Equal("/", deleted.Path);
        var gone = await visitor.OpenAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.DoesNotContain("Uusi Nimi", gone.Html);
    }

    [Fact]
    public async Task Deleting_the_account_erases_its_mail_to_earlier_and_pending_addresses()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var browser = await SignedInAsync(email);
        var second = NewEmail();
        await browser.SubmitAsync("/account/email", new() { ["Input.NewEmail"] = second, ["Input.Password"] = Password });
        await browser.SubmitAsync((await app.LinkInLatestMailAsync(second)).Path, new Dictionary<string, string>());
        var pending = NewEmail();
        await browser.SubmitAsync("/account/email", new() { ["Input.NewEmail"] = pending, ["Input.Password"] = Password });
        Assert.NotEmpty(await app.MailToAsync(email));
        Assert.NotEmpty(await app.MailToAsync(pending));

        var deleted = await browser.SubmitAsync("/account/delete", new() { ["Password"] = Password });

        Assert.Equal("/", deleted.Path);
        Assert.Empty(await app.MailToAsync(email));
        Assert.Empty(await app.MailToAsync(second));
        Assert.Empty(await app.MailToAsync(pending));
    }

    [Fact]
    public async Task Name_and_language_are_changed_and_bad_names_refused()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var browser = await SignedInAsync(email);

        var bad = await browser.SubmitAsync("/account/profile", new() { ["Input.DisplayName"] = "Piilo\u200DNimi", ["Input.PreferredLanguage"] = "sv" });
        Assert.Contains("näkymättömiä", bad.ErrorSummary);
        Assert.Equal("Testi Henkilö", (await app.FindUserAsync(email))!.DisplayName);

        var saved = await browser.SubmitAsync("/account/profile", new() { ["Input.DisplayName"] = "Anna-Liisa Väänänen", ["Input.PreferredLanguage"] = "sv" });
        Assert.Equal("/account", saved.Path);
        Assert.Contains("Tiedot on tallennettu", saved.Notice);
        var user = (await app.FindUserAsync(email))!;
        Assert.Equal(("Anna-Liisa Väänänen", "sv"), (user.DisplayName, user.PreferredLanguage));

        // Mail now comes in Swedish.
        await WebBrowser.Open(app).SubmitAsync("/account/forgot-password", new() { ["Email"] = email });
        Assert.Contains("lösenord", (await app.MailToAsync(email)).Last().Subject);
    }

    [Fact]
    public async Task The_email_address_changes_only_through_the_link_sent_to_the_new_address()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var browser = await SignedInAsync(email);
        var newEmail = NewEmail();

        var wrongPassword = await browser.SubmitAsync("/account/email", new() { ["Input.NewEmail"] = newEmail, ["Input.Password"] = "ei ole oikea salasana" });
        Assert.Contains("Salasana on väärä", wrongPassword.ErrorSummary);
        Assert.Empty(await app.MailToAsync(newEmail));

        var asked = await browser.SubmitAsync("/account/email", new() { ["Input.NewEmail"] = newEmail, ["Input.Password"] = Password });
        Assert.Contains(newEmail, asked.Notice);
        Assert.Equal(email, (await app.FindUserAsync(email))!.Email);

        var (link, full) = await app.LinkInLatestMailAsync(newEmail);
        Assert.StartsWith("https://yhdessa.test/account/confirm-email-change?", full);
        // Neither address is in the link (links end up in logs); the page still tells which address is confirmed.
        Assert.DoesNotContain("%40", full);
        Assert.DoesNotContain("@", full);
        Assert.Contains(newEmail, (await browser.OpenAsync(link)).Text);
        var tampered = await browser.OpenAsync(link.Replace("address=", "address=x"));
        Assert.Contains("Linkki ei kelpaa", tampered.Text);
        Assert.Null(tampered.Document.QuerySelector("main form"));
        Assert.Equal(email, (await app.FindUserAsync(email))!.Email);
        var changed = await browser.SubmitAsync(link, new Dictionary<string, string>());
        Assert.Contains("vaihdettu", changed.Notice);
        Assert.Null(await app.FindUserAsync(email));
        Assert.NotNull(await app.FindUserAsync(newEmail));
        Assert.Contains("vaihdettiin", (await app.MailToAsync(email)).Last().Subject);

        // The link is used up, and the new address signs in while the old one does not.
        var again = await WebBrowser.Open(app).SubmitAsync(link, new Dictionary<string, string>());
        Assert.Contains("Linkki ei kelpaa", again.ErrorSummary);
        var old = await WebBrowser.Open(app).SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.StartsWith("/account/sign-in", old.Path);
        await SignedInAsync(newEmail);
    }

    [Fact]
    public async Task An_address_of_another_account_gets_the_same_answer_and_no_mail()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var taken = NewEmail();
        await app.CreateUserAsync(taken, Password);
        var browser = await SignedInAsync(email);

        var answer = await browser.SubmitAsync("/account/email", new() { ["Input.NewEmail"] = taken.ToUpperInvariant(), ["Input.Password"] = Password });

        Assert.Equal("/account", answer.Path);
        Assert.Contains("Lähetimme vahvistuslinkin", answer.Notice);
        Assert.Empty(await app.MailToAsync(taken.ToUpperInvariant()));
        Assert.Empty(await app.MailToAsync(taken));
    }

    [Fact]
    public async Task Create_coordinator_makes_a_coordinator_and_prints_a_set_password_link_on_the_configured_site()
    {
        var email = NewEmail();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        foreach (var (key, value) in app.Services.GetRequiredService<IConfiguration>()
                     .AsEnumerable().Where(pair => pair.Key.StartsWith("Yhdessa:") || pair.Key.StartsWith("ConnectionStrings:")))
            builder.Configuration[key] = value;
        builder.AddPlatform();
        builder.AddAccounts();
        await using var command = builder.Build();
        var output = new StringWriter();

        var exit = await CreateCoordinatorCommand.RunAsync(command, ["create-coordinator", "--email", email, "--name", "Åsa Öhman"], output);

        Assert.Equal(0, exit);
        var link = output.ToString().Split('\n').Single(line => line.StartsWith("https://yhdessa.test/account/reset-password?")).Trim();
        var browser = WebBrowser.Open(app);
        var set = await browser.SubmitAsync(new Uri(link).PathAndQuery, new() { ["Password"] = Password });
        Assert.Equal("/account/sign-in", set.Path);
        var signedIn = await SignedInAsync(email);
        Assert.Contains("Koordinaattori", (await signedIn.OpenAsync("/account")).Text);

        var usage = new StringWriter();
        Assert.Equal(2, await CreateCoordinatorCommand.RunAsync(command, ["create-coordinator", "--email", "ei-osoite"], usage));
        Assert.Contains("Usage", usage.ToString());
    }
}
