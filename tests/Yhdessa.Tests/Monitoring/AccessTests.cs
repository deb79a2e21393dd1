using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Account;
using Person = Yhdessa.Tests.Support.WebBrowser;


namespace Yhdessa.Tests.Monitoring;

[Collection("Monitoring on SQLite")]
public sealed class MonitoringAccessOnSqlite(SqliteApp app) : MonitoringAccessTests(app);
[Collection("Monitoring on PostgreSQL")]
public sealed class MonitoringAccessOnPostgres(PostgresApp app) : MonitoringAccessTests(app);

/// <summary>Who sees monitoring micro-data: a reporter only their own unit's, by any address; everyone with the
/// right only with two-step sign-in; every view written to the audit log.</summary>
public abstract class MonitoringAccessTests(YhdessaApp app)
{
    /// <summary>Every page and handler of a unit's micro-data, aimed at Espoo (B) by Helsinki's (A) reporter —
    /// including A's own address with B's stay id.</summary>
    private static IEnumerable<(string Method, string Url)> AttacksOn(MonitoringWorld w)
    {
        var year = DateTime.UtcNow.Year;
        foreach (var method in new[] { "GET", "POST" })
        {
            yield return (method, $"/monitoring/units/{w.UnitB}");
            yield return (method, $"/monitoring/report/{w.RoundId}/{w.UnitB}");
            yield return (method, $"/monitoring/report/{w.RoundId}/{w.UnitB}/stays/new");
            yield return (method, $"/monitoring/report/{w.RoundId}/{w.UnitB}/stays/{w.StayB}");
            yield return (method, $"/monitoring/report/{w.RoundId}/{w.UnitA}/stays/{w.StayB}");
            yield return (method, $"/monitoring/report/{w.RoundId}/{w.UnitB}/counts");
            yield return (method, $"/monitoring/survey/{w.UnitB}/{year}");
            yield return (method, $"/monitoring/units/{w.UnitB}/services/new");
            yield return (method, $"/monitoring/rounds/{w.RoundId}");
        }
        yield return ("POST", $"/monitoring/report/{w.RoundId}/{w.UnitB}?handler=Submit");
        yield return ("GET", $"/monitoring/units/{w.UnitB}/reporters");
        yield return ("POST", $"/monitoring/units/{w.UnitB}/reporters");
        yield return ("POST", $"/monitoring/units/{w.UnitB}/reporters?handler=Remove");
        yield return ("POST", $"/monitoring/rounds/{w.RoundId}?handler=Accept");
        yield return ("POST", $"/monitoring/rounds/{w.RoundId}?handler=Return");
        yield return ("POST", $"/monitoring/rounds/{w.RoundId}?handler=Close");
        yield return ("POST", $"/monitoring/rounds/{w.RoundId}?handler=Reopen");
        yield return ("GET", "/monitoring/rounds");
        yield return ("GET", "/monitoring/rounds/new");
        yield return ("POST", "/monitoring/rounds/new");
        yield return ("GET", "/monitoring/units/new");
        yield return ("POST", "/monitoring/units/new");
    }

    [Fact]
    public async Task A_reporter_cannot_read_or_change_another_units_data_by_any_address()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var reporter = await MonitoringWorld.SignedInAsync(app, w.ReporterAEmail);
        var token = await TokenAsync(reporter);
        var stayBefore = await w.StayAsync(w.StayB);
        // A complete, valid form, so that nothing but the access check can stop it.
        KeyValuePair<string, string>[] form =
        [
            new("__RequestVerificationToken", token), new("Input.ServiceCode", "HF1"), new("Input.ResidentCode", "HYOKKAYS-1"),
            new("Input.MoveIn", "2025-04-01"), new("Input.SituationBefore", "Homeless"), new("Input.End", "2025-05-01"),
            new("Input.Destination", "Died"), new("unitId", w.UnitB.ToString()), new("Comment", "x"), new("Reason", "x"),
            new("ReporterEmail", w.ReporterAEmail), new("userId", "x"), new("Counts[HousingFirstCongregate_MovesIn_Homeless]", "9"),
            new("Input.Added[Other]", "5"), new("Input.Name", "Hyökkäys"), new("Input.Period", "2025"), new("Input.Deadline", "2025-12-31"),
            new("Input.Kind", "Municipality"), new("Input.MunicipalityCode", "049"), new("Input.Units[" + w.UnitB + "]", "Stays"),
        ];

        foreach (var (method, url) in AttacksOn(w))
        {
            var response = method == "GET"
                ? await reporter.Client.GetAsync(url)
                : await reporter.Client.PostAsync(url, new FormUrlEncodedContent(form));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
                    || response.RequestMessage!.RequestUri!.AbsolutePath == "/account/access-denied",
                $"{method} {url} answered {(int)response.StatusCode} at {response.RequestMessage!.RequestUri}");
            Assert.DoesNotContain(MonitoringWorld.ResidentB, body);
        }

        var stayAfter = await w.StayAsync(w.StayB);
        Assert.Equal((stayBefore.MoveIn, stayBefore.End, stayBefore.ResidentCode), (stayAfter.MoveIn, stayAfter.End, stayAfter.ResidentCode));
        Assert.Equal(RoundStatus.NotStarted, (await w.StatusAsync(w.RoundId, w.UnitB)).Status);
        Assert.Equal(1, await w.DbAsync(db => db.Stays.CountAsync(s => s.UnitId == w.UnitB)));
        Assert.False(await w.DbAsync(db => db.Stays.AnyAsync(s => s.ResidentCode == "HYOKKAYS-1")));
        Assert.False(await w.DbAsync(db => db.AggregateValues.AnyAsync(v => v.UnitId == w.UnitB)));
        Assert.False(await w.DbAsync(db => db.AnnualSurveys.AnyAsync(s => s.UnitId == w.UnitB)));
        Assert.False(await w.DbAsync(db => db.ReportingUnitReporters.AnyAsync(r => r.UnitId == w.UnitB && db.Users.Any(u => u.Id == r.UserId && u.Email == w.ReporterAEmail))));
    }

    [Fact]
    public async Task A_reporter_sees_their_own_units_data_and_lists_no_other_unit()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var reporter = await MonitoringWorld.SignedInAsync(app, w.ReporterAEmail);

        var report = await reporter.OpenAsync($"/monitoring/report/{w.RoundId}/{w.UnitA}");
        Assert.Equal(HttpStatusCode.OK, report.Status);
        Assert.Contains(MonitoringWorld.ResidentA, report.Text);
        Assert.DoesNotContain(MonitoringWorld.ResidentB, report.Text);

        var units = await reporter.OpenAsync("/monitoring/units");
        var unitNames = await w.DbAsync(db => db.ReportingUnits.Where(u => u.Id == w.UnitA || u.Id == w.UnitB).OrderBy(u => u.Id).Select(u => u.Name).ToListAsync());
        Assert.Contains(unitNames[0], units.Text);
        Assert.DoesNotContain(unitNames[1], units.Text);

        var landing = await reporter.OpenAsync("/monitoring");
        Assert.Contains(unitNames[0], landing.Text);
        Assert.DoesNotContain(unitNames[1], landing.Text);
    }

    [Fact]
    public async Task Every_view_of_micro_data_is_audited()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var reporter = await MonitoringWorld.SignedInAsync(app, w.ReporterAEmail);
        var userId = (await app.FindUserAsync(w.ReporterAEmail))!.Id;
        var before = await w.DbAsync(db => db.Set<Yhdessa.Platform.Audit.AuditEntry>().CountAsync(e => e.ActorId == userId && e.Action == "monitoring.viewed"));

        await reporter.OpenAsync($"/monitoring/report/{w.RoundId}/{w.UnitA}");
        await reporter.OpenAsync($"/monitoring/report/{w.RoundId}/{w.UnitA}/stays/{w.StayA}");

        var entries = await w.DbAsync(db => db.Set<Yhdessa.Platform.Audit.AuditEntry>()
            .Where(e => e.ActorId == userId && e.Action == "monitoring.viewed").OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(before + 2, entries.Count);
        Assert.Equal($"monitoring-stay:{w.StayA}", entries[^1].Subject);
    }

    [Fact]
    public async Task Without_two_step_sign_in_a_reporter_is_sent_to_turn_it_on_with_an_explanation()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var email = $"ilman-2fa-{Guid.NewGuid():N}@example.fi";
        await MonitoringWorld.NewPersonAsync(app, email, twoFactor: false, [Roles.Reporter, Roles.Member], w.UnitA);
        var reporter = await MonitoringWorld.SignedInAsync(app, email);

        var page = await reporter.OpenAsync($"/monitoring/report/{w.RoundId}/{w.UnitA}");
        Assert.StartsWith("/monitoring/two-factor?returnUrl=", page.Path);
        Assert.Equal("Kaksivaiheinen tunnistautuminen vaaditaan", page.H1);
        Assert.DoesNotContain(MonitoringWorld.ResidentA, page.Text);
        Assert.NotNull(page.Document.QuerySelector("a[href='/account/two-factor/enable']"));

        var swedish = await reporter.OpenAsync("/monitoring/two-factor?culture=sv");
        Assert.Equal("Tvåstegsverifiering krävs", swedish.H1);

        // The landing page opens, with names only, and says the same.
        var landing = await reporter.OpenAsync("/monitoring");
        Assert.Equal(HttpStatusCode.OK, landing.Status);
        Assert.Contains("kaksivaiheisella tunnistautumisella", landing.Text);
    }

    [Fact]
    public async Task A_session_signed_in_before_two_step_sign_in_was_turned_on_must_sign_in_again_with_it()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var email = $"myohemmin-2fa-{Guid.NewGuid():N}@example.fi";
        await MonitoringWorld.NewPersonAsync(app, email, twoFactor: false, [Roles.Reporter, Roles.Member], w.UnitA);
        var (reporter, key) = await PasswordOnlySessionOfTwoStepAccountAsync(email);

        var report = $"/monitoring/report/{w.RoundId}/{w.UnitA}";
        var refused = await reporter.OpenAsync(report);
        Assert.Equal("/monitoring/two-factor?returnUrl=" + Uri.EscapeDataString(report), refused.Path);
        Assert.DoesNotContain(MonitoringWorld.ResidentA, refused.Text);
        Assert.Contains("tämä kirjautuminen tehtiin ilman todennussovelluksen koodia", refused.Text);
        Assert.Null(refused.Document.QuerySelector("a[href='/account/two-factor/enable']"));
        Assert.Contains("Kirjaudu uudelleen", (await reporter.OpenAsync("/monitoring")).Notice);
        // A form sent from such a session changes nothing either.
        var post = await reporter.PostAsync($"{report}/stays/{w.StayA}",
            [new("__RequestVerificationToken", await TokenAsync(reporter)), new("Input.ServiceCode", "HF1"), new("Input.ResidentCode", MonitoringWorld.ResidentA),
             new("Input.MoveIn", "2025-02-01"), new("Input.SituationBefore", "LongTermHomeless"), new("Input.End", "2025-06-01"), new("Input.Destination", "Died")]);
        Assert.Equal("/monitoring/two-factor", post.Path);
        Assert.Null((await w.StayAsync(w.StayA)).End);

        // The button ends this session and opens the sign-in, which asks for the code and brings the person back.
        var signIn = await reporter.SubmitAsync(refused.Path, [], "main form[method=post]");
        Assert.Equal("/account/sign-in?returnUrl=" + Uri.EscapeDataString(report), signIn.Path);
        Assert.Contains("Kirjauduit ulos", signIn.Notice);
        Assert.StartsWith("/account/sign-in", (await reporter.OpenAsync("/monitoring")).Path);
        var step = await reporter.SubmitAsync(signIn.Path, new() { ["Input.Email"] = email, ["Input.Password"] = MonitoringWorld.Password });
        Assert.StartsWith("/account/sign-in/two-factor", step.Path);
        var done = await reporter.SubmitAsync(step.Path, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(report, done.Path);
        Assert.Contains(MonitoringWorld.ResidentA, done.Text);
        Assert.Null((await reporter.OpenAsync("/monitoring")).Notice);
    }

    [Fact]
    public async Task Signing_in_again_returns_only_to_an_address_on_this_site()
    {
        var email = $"paluu-{Guid.NewGuid():N}@example.fi";
        await MonitoringWorld.NewPersonAsync(app, email, twoFactor: false, [Roles.Reporter, Roles.Member]);
        var (reporter, _) = await PasswordOnlySessionOfTwoStepAccountAsync(email);

        var page = await reporter.OpenAsync("/monitoring/two-factor?returnUrl=https%3A%2F%2Fhuijaus.example%2Fmonitoring");
        var next = await reporter.SubmitAsync(page.Path, [], "main form[method=post]");
        Assert.Equal("/account/sign-in?returnUrl=%2Fmonitoring", next.Path);
    }

    [Fact]
    public async Task The_sign_in_again_button_ends_no_session_that_signing_in_again_would_not_help()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var reporter = await MonitoringWorld.SignedInAsync(app, w.ReporterAEmail);

        var answer = await reporter.PostAsync("/monitoring/two-factor?handler=SignInAgain",
            [new("__RequestVerificationToken", await TokenAsync(reporter)), new("ReturnUrl", "/monitoring/units")]);
        Assert.Equal("/monitoring/two-factor?returnUrl=%2Fmonitoring%2Funits", answer.Path);
        Assert.Equal(HttpStatusCode.OK, (await reporter.OpenAsync($"/monitoring/report/{w.RoundId}/{w.UnitA}")).Status);
    }

    /// <summary>Signs the account in with its password, then turns two-step sign-in on in that session the way the
    /// account pages do: the session carries on, signed in by password only. Returns the session and the authenticator key.</summary>
    private async Task<(Person Session, string Key)> PasswordOnlySessionOfTwoStepAccountAsync(string email)
    {
        var person = Person.Open(app);
        await person.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = MonitoringWorld.Password });
        var secret = (await person.GetAsync("/account/two-factor/enable")).QuerySelector("#authenticator-key")!.TextContent;
        await person.SubmitAsync("/account/two-factor/enable", new() { ["Code"] = Totp.Code(secret, DateTimeOffset.UtcNow) });
        Assert.True((await app.FindUserAsync(email))!.TwoFactorEnabled);
        return (person, secret);
    }

    [Fact]
    public async Task Signing_in_with_a_recovery_code_counts_as_two_step_sign_in()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var email = $"palautus-{Guid.NewGuid():N}@example.fi";
        await MonitoringWorld.NewPersonAsync(app, email, twoFactor: true, [Roles.Reporter, Roles.Member], w.UnitA);
        var code = await app.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            return (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(email))!, 1))!.Single();
        });
        var reporter = Person.Open(app);
        await reporter.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = MonitoringWorld.Password });
        await reporter.SubmitAsync("/account/sign-in/recovery-code", new() { ["Code"] = code });

        var report = await reporter.OpenAsync($"/monitoring/report/{w.RoundId}/{w.UnitA}");
        Assert.Equal(HttpStatusCode.OK, report.Status);
        Assert.Contains(MonitoringWorld.ResidentA, report.Text);
        Assert.Contains("Tämä kirjautuminen on tehty kaksivaiheisella tunnistautumisella", (await reporter.OpenAsync("/monitoring/two-factor")).Text);
    }

    [Fact]
    public async Task A_member_without_a_monitoring_role_is_refused()
    {
        var email = $"jasen-{Guid.NewGuid():N}@example.fi";
        await MonitoringWorld.NewPersonAsync(app, email, twoFactor: true, [Roles.Member]);
        var member = await MonitoringWorld.SignedInAsync(app, email);
        var w = await MonitoringWorld.OfAsync(app);

        foreach (var url in new[] { "/monitoring", "/monitoring/units", $"/monitoring/report/{w.RoundId}/{w.UnitA}" })
        {
            var page = await member.OpenAsync(url);
            Assert.True(page.Path.StartsWith("/account/access-denied") || page.Status == HttpStatusCode.Forbidden, $"{url}: {page.Status} {page.Path}");
            Assert.DoesNotContain(MonitoringWorld.ResidentA, page.Text);
        }
    }

    [Fact]
    public async Task A_visitor_is_sent_to_sign_in()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var visitor = Person.Open(app);
        var page = await visitor.OpenAsync($"/monitoring/report/{w.RoundId}/{w.UnitA}");
        Assert.StartsWith("/account/sign-in", page.Path);
    }

    private static async Task<string> TokenAsync(Person person)
    {
        var document = await person.GetAsync("/monitoring");
        return ((IHtmlInputElement)document.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
    }
}
