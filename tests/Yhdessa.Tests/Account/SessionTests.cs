using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;


namespace Yhdessa.Tests.Account;

[Collection("Account on SQLite")]
public sealed class SessionsOnSqlite(SqliteApp app) : SessionTests(app);
[Collection("Account on PostgreSQL")]
public sealed class SessionsOnPostgres(PostgresApp app) : SessionTests(app);

public abstract class SessionTests(YhdessaApp app)
{
    private const string Password = "sininen vene keinuu";

    private static string NewEmail() => $"jasen-{Guid.NewGuid():N}@example.fi";

    private async Task<WebBrowser> SignedInAsync(string email, string password = Password, YhdessaApp? on = null)
    {
        var browser = WebBrowser.Open(on ?? app);
        var page = await browser.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal("/account", page.Path);
        return browser;
    }

    private Task<List<AuditEntry>> AuditAsync(string subject) => app.WithServicesAsync(services =>
        services.GetRequiredService<YhdessaDb>().Set<AuditEntry>().Where(a => a.Subject == subject).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_sign_in_and_back()
    {
        var page = await WebBrowser.Open(app).OpenAsync("/account/profile");
        Assert.Equal("/account/sign-in?ReturnUrl=%2Faccount%2Fprofile", page.Path);

        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var browser = WebBrowser.Open(app);
        var signedIn = await browser.SubmitAsync(page.Path, new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal("/account/profile", signedIn.Path);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    [InlineData("/\u3002evil.example")]
    [InlineData("/\uFF0F\uFF0Fevil.example")]
    public async Task A_return_address_on_another_host_is_ignored(string returnUrl)
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var page = await WebBrowser.Open(app).SubmitAsync($"/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}",
            new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal("/account", page.Path);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_and_the_answer_stays_the_same()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var browser = WebBrowser.Open(app);
        var unknown = await browser.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = NewEmail(), ["Input.Password"] = "väärä salasana tässä" });
        for (var i = 0; i < 5; i++)
        {
            var wrong = await browser.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = "väärä salasana tässä" });
            Assert.Equal(unknown.ErrorSummary, wrong.ErrorSummary);
        }

        var right = await browser.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.StartsWith("/account/sign-in", right.Path);
        Assert.Equal(unknown.ErrorSummary, right.ErrorSummary);
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_known_and_unknown_addresses()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var unknownEmail = NewEmail();

        var known = await WebBrowser.Open(app).SubmitAsync("/account/forgot-password", new() { ["Email"] = email });
        var unknown = await WebBrowser.Open(app).SubmitAsync("/account/forgot-password", new() { ["Email"] = unknownEmail });

        Assert.Equal(known.Notice, unknown.Notice);
        Assert.Single(await app.MailToAsync(email));
        Assert.Empty(await app.MailToAsync(unknownEmail));
    }

    [Fact]
    public async Task A_reset_link_works_once_and_ends_other_sessions()
    {
        var email = NewEmail();
        var id = await app.CreateUserAsync(email, Password);
        var other = await SignedInAsync(email);
        await WebBrowser.Open(app).SubmitAsync("/account/forgot-password", new() { ["Email"] = email });
        var (link, _) = await app.LinkInLatestMailAsync(email);
        // The link names the account by its id: an address in a URL would end up in logs.
        Assert.Contains($"userId={id}", link);
        Assert.DoesNotContain("%40", link);

        var reset = await WebBrowser.Open(app).SubmitAsync(link, new() { ["Password"] = "uusi pitkä salasana" });
        Assert.Equal("/account/sign-in", reset.Path);
        Assert.Contains("Uusi salasanasi on asetettu", reset.Notice);
        Assert.StartsWith("/account/sign-in", (await other.OpenAsync("/account")).Path);
        await SignedInAsync(email, "uusi pitkä salasana");

        var again = await WebBrowser.Open(app).SubmitAsync(link, new() { ["Password"] = "kolmas pitkä salasana" });
        Assert.Contains("Linkki ei kelpaa", again.ErrorSummary);
        await SignedInAsync(email, "uusi pitkä salasana");
    }

    [Fact]
    public async Task A_reset_link_expires_after_an_hour()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var later = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        await new WebBrowser(later.CreateClient()).SubmitAsync("/account/forgot-password", new() { ["Email"] = email });
        var (link, _) = await app.LinkInLatestMailAsync(email);

        clock.Advance(TimeSpan.FromMinutes(61));
        var page = await new WebBrowser(later.CreateClient()).SubmitAsync(link, new() { ["Password"] = "uusi pitkä salasana" });

        Assert.Contains("Linkki ei kelpaa", page.ErrorSummary);
        await SignedInAsync(email);
    }

    [Fact]
    public async Task Links_in_mail_use_the_configured_address_even_with_a_forged_host()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var browser = WebBrowser.Open(app);
        var form = await browser.GetAsync("/account/forgot-password");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/forgot-password")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Host = "evil.example";
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        await browser.Client.SendAsync(request);

        var (_, full) = await app.LinkInLatestMailAsync(email);
        Assert.StartsWith("https://yhdessa.test/account/reset-password?", full);
        Assert.DoesNotContain("evil", (await app.MailToAsync(email)).Last().HtmlBody);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_but_not_this_one()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var phone = await SignedInAsync(email);
        var laptop = await SignedInAsync(email);

        var wrong = await laptop.SubmitAsync("/account/password", new() { ["Input.CurrentPassword"] = "ei tämä ole oikea", ["Input.NewPassword"] = "uusi pitkä salasana" });
        Assert.Contains("Salasana on väärä", wrong.ErrorSummary);

        var changed = await laptop.SubmitAsync("/account/password", new() { ["Input.CurrentPassword"] = Password, ["Input.NewPassword"] = "uusi pitkä salasana" });
        Assert.Equal("/account", changed.Path);
        Assert.Contains("Salasanasi on vaihdettu", changed.Notice);
        Assert.Equal("/account", (await laptop.OpenAsync("/account")).Path);
        Assert.StartsWith("/account/sign-in", (await phone.OpenAsync("/account")).Path);
        Assert.Contains("Salasanasi vaihdettiin", (await app.MailToAsync(email)).Last().Subject);
    }

    [Fact]
    public async Task A_disabled_account_is_signed_out_and_cannot_sign_in()
    {
        var coordinator = NewEmail();
        await app.CreateUserAsync(coordinator, Password, Roles.Coordinator, Roles.Member);
        var member = NewEmail();
        var memberId = await app.CreateUserAsync(member, Password, Roles.Member);
        var memberBrowser = await SignedInAsync(member);
        var admin = await SignedInAsync(coordinator);

        var page = await admin.SubmitAsync($"/admin/people/{memberId}", [], "form[action*=Disable]");
        Assert.Contains("poistettu käytöstä", page.Notice);

        Assert.StartsWith("/account/sign-in", (await memberBrowser.OpenAsync("/account")).Path);
        var again = await WebBrowser.Open(app).SubmitAsync("/account/sign-in", new() { ["Input.Email"] = member, ["Input.Password"] = Password });
        Assert.StartsWith("/account/sign-in", again.Path);
        Assert.Contains("account.disabled", (await AuditAsync($"user:{memberId}")).Select(a => a.Action));

        await admin.SubmitAsync($"/admin/people/{memberId}", [], "form[action*=Enable]");
        await SignedInAsync(member);
    }

    [Fact]
    public async Task A_session_ends_when_its_account_is_disabled_by_any_means()
    {
        var email = NewEmail();
        var id = await app.CreateUserAsync(email, Password);
        var browser = await SignedInAsync(email);

        await app.WithServicesAsync(services => services.GetRequiredService<YhdessaDb>().Users
            .Where(u => u.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true)));

        Assert.StartsWith("/account/sign-in", (await browser.OpenAsync("/account")).Path);
    }

    [Fact]
    public async Task Two_step_sign_in_with_an_authenticator_code_and_with_a_recovery_code()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var browser = await SignedInAsync(email);

        var setup = await browser.GetAsync("/account/two-factor/enable");
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("main img")!.GetAttribute("src"));
        var key = setup.QuerySelector("#authenticator-key")!.TextContent;
        var wrong = await browser.SubmitAsync("/account/two-factor/enable", new() { ["Code"] = "000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        Assert.Contains("Koodi ei kelpaa", wrong.ErrorSummary);
        var enabled = await browser.SubmitAsync("/account/two-factor/enable", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var codes = enabled.Document.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Count);
        await browser.SubmitAsync("/account/sign-out", []);

        // Password alone is not enough now.
        var second = WebBrowser.Open(app);
        var step = await second.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.StartsWith("/account/sign-in/two-factor", step.Path);
        Assert.StartsWith("/account/sign-in", (await second.OpenAsync("/account")).Path);
        var signedIn = await second.SubmitAsync(step.Path, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal("/account", signedIn.Path);
        Assert.Contains("Käytössä", signedIn.Text);

        var third = WebBrowser.Open(app);
        step = await third.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        var recovered = await third.SubmitAsync("/account/sign-in/recovery-code", new() { ["Code"] = codes[0] });
        Assert.Equal("/account", recovered.Path);

        // A used recovery code does not work a second time.
        var fourth = WebBrowser.Open(app);
        await fourth.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        var reused = await fourth.SubmitAsync("/account/sign-in/recovery-code", new() { ["Code"] = codes[0] });
        Assert.Contains("Palautuskoodi ei kelpaa", reused.ErrorSummary);
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_and_two_step_sign_in_can_be_turned_off()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var browser = await SignedInAsync(email);
        var key = (await browser.GetAsync("/account/two-factor/enable")).QuerySelector("#authenticator-key")!.TextContent;
        var first = await browser.SubmitAsync("/account/two-factor/enable", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var oldCode = first.Document.QuerySelector(".recovery-codes code")!.TextContent;

        var renewed = await browser.SubmitAsync("/account/two-factor", new() { ["Password"] = Password }, "form[action*=RecoveryCodes]");
        var newCodes = renewed.Document.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, newCodes.Count);
        Assert.DoesNotContain(oldCode, newCodes);
        // Shown once: the page does not show them again.
        Assert.Empty((await browser.GetAsync("/account/two-factor")).QuerySelectorAll(".recovery-codes code"));

        var other = WebBrowser.Open(app);
        await other.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Contains("Palautuskoodi ei kelpaa", (await other.SubmitAsync("/account/sign-in/recovery-code", new() { ["Code"] = oldCode })).ErrorSummary);

        var off = await browser.SubmitAsync("/account/two-factor", new() { ["Password"] = Password }, "form[action*=Disable]");
        Assert.Contains("poistettu käytöstä", off.Notice);
        await SignedInAsync(email);
    }

    [Fact]
    public async Task Two_step_changes_ask_for_the_password_and_the_owner_hears_when_it_is_turned_off()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var browser = await SignedInAsync(email);
        var enablePage = await browser.Client.GetAsync("/account/two-factor/enable");
        Assert.True(enablePage.Headers.CacheControl?.NoStore);
        var key = (await browser.GetAsync("/account/two-factor/enable")).QuerySelector("#authenticator-key")!.TextContent;
        var first = await browser.SubmitAsync("/account/two-factor/enable", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var oldCode = first.Document.QuerySelector(".recovery-codes code")!.TextContent;
        Assert.True((await browser.Client.GetAsync("/account/two-factor")).Headers.CacheControl?.NoStore);

        // A session left open is not enough: without the password nothing changes.
        var noCodes = await browser.SubmitAsync("/account/two-factor", new() { ["Password"] = "" }, "form[action*=RecoveryCodes]");
        Assert.Contains("Kirjoita salasana", noCodes.ErrorSummary);
        Assert.Empty(noCodes.Document.QuerySelectorAll(".recovery-codes code"));
        var wrongOff = await browser.SubmitAsync("/account/two-factor", new() { ["Password"] = "väärä salasana tässä" }, "form[action*=Disable]");
        Assert.Contains("Salasana on väärä", wrongOff.ErrorSummary);
        Assert.True((await app.FindUserAsync(email))!.TwoFactorEnabled);
        Assert.Equal(1, (await app.FindUserAsync(email))!.AccessFailedCount);
        var other = WebBrowser.Open(app);
        await other.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal("/account", (await other.SubmitAsync("/account/sign-in/recovery-code", new() { ["Code"] = oldCode })).Path);

        var mailsBefore = (await app.MailToAsync(email)).Count;
        var off = await browser.SubmitAsync("/account/two-factor", new() { ["Password"] = Password }, "form[action*=Disable]");
        Assert.Contains("poistettu käytöstä", off.Notice);
        Assert.False((await app.FindUserAsync(email))!.TwoFactorEnabled);
        var mails = await app.MailToAsync(email);
        Assert.Equal(mailsBefore + 1, mails.Count);
        Assert.Contains("Kaksivaiheinen tunnistautuminen poistettiin", mails.Last().Subject);
    }

    [Fact]
    public async Task Wrong_two_step_codes_count_towards_the_lockout()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var browser = await SignedInAsync(email);
        var key = (await browser.GetAsync("/account/two-factor/enable")).QuerySelector("#authenticator-key")!.TextContent;
        await browser.SubmitAsync("/account/two-factor/enable", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        var attacker = WebBrowser.Open(app);
        await attacker.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        // Five-digit codes are never right, so these three count as failures whatever the time.
        for (var i = 0; i < 3; i++)
            Assert.Contains("Koodi ei kelpaa", (await attacker.SubmitAsync("/account/sign-in/two-factor", new() { ["Code"] = "12345" })).ErrorSummary);
        for (var i = 0; i < 2; i++)
            await attacker.SubmitAsync("/account/sign-in/recovery-code", new() { ["Code"] = $"wrong{i}" });

        var owner = WebBrowser.Open(app);
        var page = await owner.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal("/account/sign-in", page.Path);
        Assert.Contains("Kirjautuminen ei onnistunut", page.ErrorSummary);
    }

    [Fact]
    public async Task Download_my_data_holds_the_account()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password, Roles.Member);
        var browser = await SignedInAsync(email);

        var response = await browser.Client.GetAsync("/account/my-data");

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var account = json.RootElement.GetProperty("account");
        Assert.Equal(email, account.GetProperty("email").GetString());
        Assert.Equal("Testi Henkilö", account.GetProperty("displayName").GetString());
        Assert.Equal("Member", account.GetProperty("roles")[0].GetString());
    }

    [Fact]
    public async Task Deleting_the_account_needs_the_password_removes_the_user_and_signs_out()
    {
        var email = NewEmail();
        var id = await app.CreateUserAsync(email, Password, Roles.Member);
        var browser = await SignedInAsync(email);
        await WebBrowser.Open(app).SubmitAsync("/account/forgot-password", new() { ["Email"] = email });

        var wrong = await browser.SubmitAsync("/account/delete", new() { ["Password"] = "ei oikea salasana" });
        Assert.Contains("Salasana on väärä", wrong.ErrorSummary);
        Assert.NotNull(await app.FindUserAsync(email));

        var deleted = await browser.SubmitAsync("/account/delete", new() { ["Password"] = Password });
        Assert.Equal("/", deleted.Path);
        Assert.Contains("poistettu", deleted.Notice);
        Assert.Null(await app.FindUserAsync(email));
        Assert.Empty(await app.MailToAsync(email));
        Assert.StartsWith("/account/sign-in", (await browser.OpenAsync("/account")).Path);
        var entry = Assert.Single(await AuditAsync($"user:{id}"));
        Assert.Equal("account.deleted", entry.Action);
        Assert.DoesNotContain(email, entry.Details ?? "");
    }

    [Fact]
    public async Task A_coordinator_grants_and_removes_roles_and_each_change_is_audited()
    {
        var coordinator = NewEmail();
        var coordinatorId = await app.CreateUserAsync(coordinator, Password, Roles.Coordinator, Roles.Member);
        var member = NewEmail();
        var memberId = await app.CreateUserAsync(member, Password, Roles.Member);
        var admin = await SignedInAsync(coordinator);

        var list = await admin.OpenAsync($"/admin/people?q={Uri.EscapeDataString(member.ToUpperInvariant())}");
        Assert.Single(list.Document.QuerySelectorAll("tbody tr"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.OpenAsync("/admin/people/no-such-account")).Status);

        var saved = await admin.SubmitValuesAsync($"/admin/people/{memberId}",
            [new("Roles", Roles.Member), new("Roles", Roles.Reporter)], "form[action*=Roles]");
        Assert.Contains("Roolit on tallennettu", saved.Notice);
        var entries = await AuditAsync($"user:{memberId}");
        var granted = Assert.Single(entries, e => e.Action == "role.granted");
        Assert.Equal(Roles.Reporter, granted.Details);
        Assert.Equal(coordinatorId, granted.ActorId);

        await admin.SubmitValuesAsync($"/admin/people/{memberId}", [new("Roles", Roles.Reporter)], "form[action*=Roles]");
        Assert.Contains(await AuditAsync($"user:{memberId}"), e => e.Action == "role.removed" && e.Details == Roles.Member);
    }

    [Theory]
    [InlineData("väänänen")]
    [InlineData("VÄÄNÄNEN")]
    [InlineData("Anna-Liisa")]
    public async Task People_are_found_by_name_in_any_case(string query)
    {
        var coordinator = NewEmail();
        await app.CreateUserAsync(coordinator, Password, Roles.Coordinator);
        var email = NewEmail();
        var id = await app.CreateUserAsync(email, Password);
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            var user = await db.Users.SingleAsync(u => u.Id == id);
            user.DisplayName = "Anna-Liisa Väänänen";
            return await db.SaveChangesAsync();
        });
        var admin = await SignedInAsync(coordinator);

        var list = await admin.OpenAsync($"/admin/people?q={Uri.EscapeDataString(query)}");

        Assert.Contains(list.Document.QuerySelectorAll("tbody tr td:nth-child(2)"), cell => cell.TextContent == email);
    }

    [Fact]
    public async Task The_last_coordinator_cannot_remove_their_own_coordinator_role()
    {
        var coordinator = NewEmail();
        var id = await app.CreateUserAsync(coordinator, Password, Roles.Coordinator);
        // Every other coordinator made by the tests so far steps aside, so that this one is the last.
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            var others = await db.Users.Where(u => u.Id != id).ToListAsync();
            foreach (var other in others) other.IsDisabled = true;
            await db.SaveChangesAsync();
            return 0;
        });
        try
        {
            var admin = await SignedInAsync(coordinator);
            var page = await admin.SubmitValuesAsync($"/admin/people/{id}", [new("Roles", Roles.Member)], "form[action*=Roles]");
            Assert.Contains("ainakin yksi käytössä oleva koordinaattori", page.ErrorSummary);
            Assert.Equal(HttpStatusCode.OK, (await admin.OpenAsync("/admin/people")).Status);
        }
        finally
        {
            await app.WithServicesAsync(async services =>
            {
                var db = services.GetRequiredService<YhdessaDb>();
                await db.Users.ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, false));
                return 0;
            });
        }
    }

    [Fact]
    public async Task A_member_gets_403_from_the_people_page()
    {
        var email = NewEmail();
        var id = await app.CreateUserAsync(email, Password, Roles.Member);
        var browser = await SignedInAsync(email);

        var page = await browser.OpenAsync("/admin/people");
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("Ei käyttöoikeutta", page.H1);

        // A forged role change from a member changes nothing.
        var token = (await browser.GetAsync("/account/profile")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await browser.PostAsync($"/admin/people/{id}?handler=Roles",
            [new("Roles", Roles.Coordinator), new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        Assert.Empty(await AuditAsync($"user:{id}"));
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_429()
    {
        var limited = app.WithWebHostBuilder(builder => builder.UseSetting("Yhdessa:RateLimits:AccountPermitsPerMinute", "3"));
        var browser = new WebBrowser(limited.CreateClient());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await browser.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = NewEmail(), ["Input.Password"] = "mikä tahansa salasana" })).Status);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
