using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Account;
using Person = Yhdessa.Tests.Support.WebBrowser;


namespace Yhdessa.Tests.Admin;

[Collection("Admin on SQLite")]
public sealed class OutboxAndAuditOnSqlite(SqliteApp app) : OutboxAndAuditTests(app);
[Collection("Admin on PostgreSQL")]
public sealed class OutboxAndAuditOnPostgres(PostgresApp app) : OutboxAndAuditTests(app);

/// <summary>Without an SMTP server, a coordinator reads the platform's mail at /admin/outbox; opening a message
/// (which may hold a sign-in link) leaves a trace in the audit log, and the log shows who did what.</summary>
public abstract class OutboxAndAuditTests(YhdessaApp app)
{
    private const string Password = "koordinaattorin pitkä salasana";

    private async Task<Person> CoordinatorAsync()
    {
        var email = $"koordinaattori-{Guid.NewGuid():N}@example.fi";
        await app.CreateUserAsync(email, Password, Roles.Coordinator, Roles.Member);
        return await app.SignInAsync(email, Password);
    }

    [Fact]
    public async Task A_sent_message_says_its_content_is_no_longer_stored()
    {
        var to = $"vastaanottaja-{Guid.NewGuid():N}@example.fi";
        var id = await app.WithServicesAsync(async services =>
        {
            // As the SMTP sender leaves a message: sent, body erased.
            var db = services.GetRequiredService<YhdessaDb>();
            var sent = new OutgoingEmail { To = to, Subject = "Salasanasi vaihdettiin", TextBody = "", CreatedAt = DateTimeOffset.UtcNow, SentAt = DateTimeOffset.UtcNow, Attempts = 1 };
            db.Add(sent);
            await db.SaveChangesAsync();
            return sent.Id;
        });
        var coordinator = await CoordinatorAsync();

        var message = await coordinator.OpenAsync($"/admin/outbox/{id}");
        Assert.Equal("Salasanasi vaihdettiin", message.H1);
        Assert.Contains(to, message.Text);
        Assert.Contains("Viestin sisältöä ei enää säilytetä", message.Text);
        Assert.Contains("content is no longer stored", (await coordinator.OpenAsync($"/admin/outbox/{id}?culture=en")).Text);
    }

    [Fact]
    public async Task Coordinator_reads_waiting_mail_and_the_reading_is_audited()
    {
        var to = $"vastaanottaja-{Guid.NewGuid():N}@example.fi";
        var id = await app.WithServicesAsync(async services =>
        {
            services.GetRequiredService<EmailOutbox>().Enqueue(to, "Tervetuloa verkostoon", "Hei Åsa, vahvista osoitteesi: https://yhdessa.test/x", null);
            var db = services.GetRequiredService<YhdessaDb>();
            await db.SaveChangesAsync();
            return db.Set<OutgoingEmail>().Single(m => m.To == to).Id;
        });
        var coordinator = await CoordinatorAsync();

        var list = await coordinator.OpenAsync("/admin/outbox?status=waiting&culture=sv");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains("Tervetuloa verkostoon", list.Text);
        Assert.Contains("Väntar på att skickas", list.Text);
        Assert.DoesNotContain("Tervetuloa verkostoon", (await coordinator.OpenAsync("/admin/outbox?status=sent")).Text);

        var message = await coordinator.OpenAsync($"/admin/outbox/{id}");
        Assert.Equal("Tervetuloa verkostoon", message.H1);
        Assert.Contains("Hei Åsa, vahvista osoitteesi", message.Text);

        var audit = await coordinator.OpenAsync($"/admin/audit?action=outbox&subject=email:{id}");
        Assert.Contains("outbox.read", audit.Text);
        Assert.Contains("1 merkintä", audit.Text);
        Assert.DoesNotContain("1 merkintää", audit.Text);
    }

    [Fact]
    public async Task Unknown_message_is_not_found()
    {
        var coordinator = await CoordinatorAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.OpenAsync("/admin/outbox/987654321")).Status);
    }

    [Fact]
    public async Task Audit_log_shows_a_role_change_with_who_made_it()
    {
        var coordinator = await CoordinatorAsync();
        var memberId = await app.CreateUserAsync($"jasen-{Guid.NewGuid():N}@example.fi", Password, Roles.Member);
        await coordinator.SubmitValuesAsync($"/admin/people/{memberId}",
            [new("Roles", Roles.Member), new("Roles", Roles.Reporter)], "form[action*='handler=Roles']");

        var audit = await coordinator.OpenAsync($"/admin/audit?action=role&subject=user:{memberId}");

        Assert.Contains("Testi Henkilö", audit.Text);
        Assert.Contains(Roles.Reporter, audit.Text);
    }

    [Fact]
    public async Task Lists_of_more_than_one_page_page_through_all_entries()
    {
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            for (var i = 1; i <= 60; i++)
                db.Add(new Yhdessa.Platform.Audit.AuditEntry { At = DateTimeOffset.UtcNow, Action = "paging.test", Subject = $"item:{i:D2}" });
            return await db.SaveChangesAsync();
        });
        var coordinator = await CoordinatorAsync();

        var first = await coordinator.OpenAsync("/admin/audit?action=paging");
        var next = first.Document.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!;
        var second = await coordinator.OpenAsync(next);

        Assert.Contains("item:60", first.Text);
        Assert.DoesNotContain("item:05", first.Text);
        Assert.Equal("/admin/audit?action=paging&page=2", next);
        Assert.Contains("item:05", second.Text);
        Assert.DoesNotContain("item:60", second.Text);
        Assert.Equal("2", second.Document.QuerySelector("nav.pager a[aria-current=page]")!.TextContent);
    }

    [Fact]
    public async Task Refused_disable_shows_the_roles_as_they_are()
    {
        var coordinator = await CoordinatorAsync();
        var ownId = await app.WithServicesAsync(async services =>
            (await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<User>>().Users
                .Where(u => u.DisplayName == "Testi Henkilö").Select(u => u.Id).ToListAsync()).Last());

        // The page offers no disable button for oneself; a forged request is refused and the page shown again.
        var page = await coordinator.GetAsync($"/admin/people/{ownId}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await coordinator.PostAsync($"/admin/people/{ownId}?handler=Disable", [new("__RequestVerificationToken", token)]);

        Assert.NotNull(refused.ErrorSummary);
        Assert.True(refused.Document.QuerySelector("input[name=Roles][value=Coordinator]")!.HasAttribute("checked"));
    }
}
