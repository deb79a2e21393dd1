using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;


namespace Yhdessa.Tests.Account;

public sealed class SignUpOnSqlite(SqliteApp app) : SignUpTests(app), IClassFixture<SqliteApp>;
public sealed class SignUpOnPostgres(PostgresApp app) : SignUpTests(app), IClassFixture<PostgresApp>;

public abstract class SignUpTests(YhdessaApp app)
{
    protected const string Password = "kolme kaunista kukkaa";

    protected static string NewEmail() => $"henkilo-{Guid.NewGuid():N}@example.fi";

    protected static Dictionary<string, string> SignUpForm(string name, string email, string password = Password, string language = "fi") => new()
    {
        ["Input.DisplayName"] = name,
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.PreferredLanguage"] = language,
    };

    private Task<int> CountAccountsAsync(string email) => app.WithServicesAsync(services =>
    {
        var normalized = services.GetRequiredService<ILookupNormalizer>().NormalizeEmail(email);
        return services.GetRequiredService<YhdessaDb>().Users.CountAsync(u => u.NormalizedEmail == normalized);
    });

    [Fact]
    public async Task Sign_up_confirm_sign_in_and_sign_out()
    {
        var email = NewEmail();
        var browser = WebBrowser.Open(app);

        var signedUp = await browser.SubmitAsync("/account/sign-up", SignUpForm("Åsa Öhman", email, language: "sv"));
        Assert.Equal("/account/check-email", signedUp.Path);

        // Before confirming, the account cannot sign in.
        var early = await browser.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.StartsWith("/account/sign-in", early.Path);
        Assert.Contains("Kirjautuminen ei onnistunut", early.ErrorSummary);

        // The mail is in the person's chosen language, with a link on the configured site.
        var mail = Assert.Single(await app.MailToAsync(email));
        Assert.Contains("Bekräfta", mail.Subject);
        Assert.Contains("Åsa Öhman", mail.HtmlBody);
        var (link, full) = await app.LinkInLatestMailAsync(email);
        Assert.StartsWith("https://yhdessa.test/account/confirm-email?", full);

        var confirmed = await browser.SubmitAsync(link, new Dictionary<string, string>());
        Assert.Equal("/account/sign-in", confirmed.Path);
        Assert.Contains("vahvistettu", confirmed.Notice);

        var signedIn = await browser.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal("/account", signedIn.Path);
        Assert.Contains("Åsa Öhman", signedIn.Text);
        Assert.Contains("Jäsen", signedIn.Text);

        // The sign-out button in the header of every page.
        var signedOut = await browser.SubmitAsync("/account", new Dictionary<string, string>(), "header form[action='/account/sign-out']");
        Assert.Equal("/", signedOut.Path);
        Assert.Contains("kirjautunut ulos", signedOut.Notice);
        Assert.StartsWith("/account/sign-in", (await browser.OpenAsync("/account")).Path);
    }

    [Fact]
    public async Task A_confirmation_link_works_once()
    {
        var email = NewEmail();
        var browser = WebBrowser.Open(app);
        await browser.SubmitAsync("/account/sign-up", SignUpForm("Matti Meikäläinen", email));
        var (link, _) = await app.LinkInLatestMailAsync(email);

        await browser.SubmitAsync(link, new Dictionary<string, string>());
        var again = await browser.SubmitAsync(link, new Dictionary<string, string>());

        Assert.Contains("linkki on jo käytetty", again.ErrorSummary);
    }

    [Theory]
    [InlineData("UPPER")]
    [InlineData("spaces")]
    [InlineData("nfd")]
    public async Task An_address_with_an_account_gets_the_same_answer_and_nothing_is_created(string variant)
    {
        var email = $"äijä-{Guid.NewGuid():N}@example.fi".Normalize(NormalizationForm.FormC);
        var browser = WebBrowser.Open(app);
        var first = await browser.SubmitAsync("/account/sign-up", SignUpForm("Äijä Ensimmäinen", email));
        var (link, _) = await app.LinkInLatestMailAsync(email);
        await browser.SubmitAsync(link, new Dictionary<string, string>());

        var again = variant switch
        {
            "UPPER" => email.ToUpperInvariant(),
            "spaces" => $"  {email} ",
            _ => email.Normalize(NormalizationForm.FormD),
        };
        var second = await WebBrowser.Open(app).SubmitAsync("/account/sign-up", SignUpForm("Toinen Yrittäjä", again));

        Assert.Equal(first.Path, second.Path);
        Assert.Equal(first.H1, second.H1);
        Assert.Equal(1, await CountAccountsAsync(email));
        // The owner hears of the attempt; the name typed by the other person is not used.
        var attempt = (await app.MailToAsync(email)).Last();
        Assert.Contains("yritettiin luoda", attempt.Subject);
        Assert.Contains("Äijä Ensimmäinen", attempt.TextBody);
        Assert.Contains("https://yhdessa.test/account/reset-password?", attempt.TextBody);
    }

    [Fact]
    public async Task A_later_sign_up_replaces_an_account_never_confirmed()
    {
        // Someone signs up first with another person's address and leaves the account waiting.
        var email = NewEmail();
        await WebBrowser.Open(app).SubmitAsync("/account/sign-up", SignUpForm("Ennakoija Hyökkääjä", email, "toisen ihmisen salasana"));
        var (earlierLink, _) = await app.LinkInLatestMailAsync(email);

        // The owner signs up later; the answer is the same as for any sign-up.
        var browser = WebBrowser.Open(app);
        var signedUp = await browser.SubmitAsync("/account/sign-up", SignUpForm("Oikea Omistaja", email, language: "en"));
        Assert.Equal("/account/check-email", signedUp.Path);
        Assert.Equal(1, await CountAccountsAsync(email));

        // The link sent before no longer confirms the account.
        var stale = await WebBrowser.Open(app).SubmitAsync(earlierLink, new Dictionary<string, string>());
        Assert.NotEqual("/account/sign-in", stale.Path);
        Assert.False((await app.FindUserAsync(email))!.EmailConfirmed);

        // The owner's link confirms an account with the owner's name, language and password.
        var (link, _) = await app.LinkInLatestMailAsync(email);
        Assert.Equal("/account/sign-in", (await browser.SubmitAsync(link, new Dictionary<string, string>())).Path);
        var user = (await app.FindUserAsync(email))!;
        Assert.Equal("Oikea Omistaja", user.DisplayName);
        Assert.Equal("en", user.PreferredLanguage);

        var wrong = await WebBrowser.Open(app).SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = "toisen ihmisen salasana" });
        Assert.StartsWith("/account/sign-in", wrong.Path);
        var signedIn = await browser.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal("/account", signedIn.Path);
    }

    [Theory]
    [InlineData("Åsa Öhman")]
    [InlineData("Anna-Liisa Väänänen")]
    [InlineData("Áile Ánne Ŋuhtte")]
    [InlineData("O'Connor")]
    [InlineData("<script>alert('x')</script>")]
    public async Task Names_are_kept_exactly_as_written_and_shown_as_text(string name)
    {
        var email = NewEmail();
        var browser = WebBrowser.Open(app);
        await browser.SubmitAsync("/account/sign-up", SignUpForm(name, email));
        await browser.SubmitAsync((await app.LinkInLatestMailAsync(email)).Path, new Dictionary<string, string>());
        var account = await browser.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });

        Assert.Equal(name, (await app.FindUserAsync(email))!.DisplayName);
        Assert.Equal(name, account.Document.QuerySelector("dl.facts dd")!.TextContent);
        Assert.DoesNotContain("<script>", account.Html);
    }

    [Theory]
    [InlineData("Input.Email", "ei-osoite", "Kirjoita sähköpostiosoite muodossa")]
    [InlineData("Input.Email", "kaksi@@example.fi", "Kirjoita sähköpostiosoite muodossa")]
    [InlineData("Input.Email", "Nimi <nimi@example.fi>", "Kirjoita sähköpostiosoite muodossa")]
    [InlineData("Input.Email", "", "Kirjoita sähköpostiosoite.")]
    [InlineData("Input.DisplayName", "", "Kirjoita nimi.")]
    [InlineData("Input.DisplayName", "Zero\u200BWidth", "näkymättömiä")]
    [InlineData("Input.DisplayName", "evil\u202Egnp.exe", "näkymättömiä")]
    [InlineData("Input.DisplayName", "\uFEFFBom", "näkymättömiä")]
    [InlineData("Input.DisplayName", "isolate\u2066x\u2069", "näkymättömiä")]
    [InlineData("Input.Password", "lyhyt", "vähintään 12 merkkiä")]
    [InlineData("Input.Password", "passwordpassword", "yleisesti käytetty")]
    [InlineData("Input.Password", "salasana123456", "yleisesti käytetty")]
    [InlineData("Input.Password", "qwertyuiopasdf", "yleisesti käytetty")]
    [InlineData("Input.Password", "aaaaaaaaaaaaaaaa", "yleisesti käytetty")]
    [InlineData("Input.PreferredLanguage", "de", "Valitse kieli")]
    public async Task Bad_input_gets_a_clear_message_and_creates_nothing(string field, string value, string message)
    {
        var email = NewEmail();
        var form = SignUpForm("Testi Henkilö", email);
        form[field] = value;

        var page = await WebBrowser.Open(app).SubmitAsync("/account/sign-up", form);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.ErrorSummary);
        var link = page.Document.QuerySelector(".error-summary a")!.GetAttribute("href");
        Assert.Equal("#" + field.Replace('.', '_'), link);
        var input = page.Document.QuerySelector(link!)!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains(message, page.Document.GetElementById(input.GetAttribute("aria-describedby")!.Split(' ')[0])!.TextContent);
        Assert.Null(await app.FindUserAsync(email));
        Assert.Empty(await app.MailToAsync(email));
    }

    [Fact]
    public async Task Overlong_fields_are_refused()
    {
        var email = NewEmail();
        var page = await WebBrowser.Open(app).SubmitAsync("/account/sign-up", SignUpForm(new string('a', 101), email, new string('x', 100) + " " + new string('y', 40)));
        Assert.Contains("enintään 100 merkkiä", page.ErrorSummary);

        var longEmail = new string('a', 250) + "@example.fi";
        page = await WebBrowser.Open(app).SubmitAsync("/account/sign-up", SignUpForm("Testi", longEmail));
        Assert.Contains("enintään 254 merkkiä", page.ErrorSummary);

        page = await WebBrowser.Open(app).SubmitAsync("/account/sign-up", SignUpForm("Testi", email, string.Concat(Enumerable.Repeat("pitkä lause ", 11))));
        Assert.Contains("enintään 128 merkkiä", page.ErrorSummary);
        Assert.Null(await app.FindUserAsync(email));
    }

    [Fact]
    public async Task A_password_with_the_persons_own_name_is_refused()
    {
        var email = NewEmail();
        var page = await WebBrowser.Open(app).SubmitAsync("/account/sign-up", SignUpForm("Väinämöinen Kalevala", email, "väinämöinen on paras"));
        Assert.Contains("nimeäsi", page.ErrorSummary);
        Assert.Null(await app.FindUserAsync(email));
    }

    [Theory]
    [InlineData("sv", "Namnet får ha högst 100 tecken.")]
    [InlineData("en", "The name can be at most 100 characters.")]
    public async Task Messages_follow_the_language(string language, string message)
    {
        var page = await WebBrowser.Open(app).SubmitAsync($"/account/sign-up?culture={language}", SignUpForm(new string('b', 101), NewEmail()));
        Assert.Contains(message, page.ErrorSummary);
    }

    [Fact]
    public async Task A_post_without_antiforgery_token_is_refused_and_creates_nothing()
    {
        var email = NewEmail();
        var response = await app.CreateClient().PostAsync("/account/sign-up", new FormUrlEncodedContent(SignUpForm("Ilman Tokenia", email)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await app.FindUserAsync(email));
    }

    [Fact]
    public async Task Demo_accounts_sign_in_with_their_roles()
    {
        var demo = app.WithWebHostBuilder(builder => builder.UseSetting("Yhdessa:DemoData", "true"));
        var browser = new WebBrowser(demo.CreateClient());

        var page = await browser.SubmitAsync("/account/sign-in",
            new() { ["Input.Email"] = DemoAccounts.Coordinator, ["Input.Password"] = "demo-Yhdessa-2026!" });

        Assert.Equal("/account", page.Path);
        Assert.Contains("Koordinaattori", page.Text);
        Assert.Equal(HttpStatusCode.OK, (await browser.OpenAsync("/admin/people")).Status);
        var users = await app.WithServicesAsync(async services =>
        {
            var manager = services.GetRequiredService<UserManager<User>>();
            var reporter = await manager.FindByEmailAsync(DemoAccounts.Reporter);
            return await manager.GetRolesAsync(reporter!);
        });
        Assert.Equal([Roles.Member, Roles.Reporter], users.Order());
    }
}
