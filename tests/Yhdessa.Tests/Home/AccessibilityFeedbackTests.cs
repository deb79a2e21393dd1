using System.Net;
using Microsoft.AspNetCore.Hosting;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Tests.Home;

[Collection("Home on SQLite")]
public sealed class AccessibilityFeedbackOnSqlite(SqliteApp app) : AccessibilityFeedbackTests(app);
[Collection("Home on PostgreSQL")]
public sealed class AccessibilityFeedbackOnPostgres(PostgresApp app) : AccessibilityFeedbackTests(app);

/// <summary>The accessibility statement's feedback channel: a form anyone can send, to the coordinators or to the
/// network's contact address, which the statement then shows too.</summary>
public abstract class AccessibilityFeedbackTests(YhdessaApp app)
{
    [Fact]
    public async Task A_visitor_reports_a_barrier_from_the_statement_and_the_coordinators_get_it_by_email()
    {
        var coordinator = $"saavutettavuus.{Guid.NewGuid():N}@example.fi";
        await app.CreateUserAsync(coordinator, "koordinaattorin salasana 2026", Roles.Coordinator);
        var visitor = WebBrowser.Open(app);
        var statement = await visitor.OpenAsync("/accessibility");
        var form = statement.Document.QuerySelector("main a[href='/accessibility/feedback']")!;
        Assert.Equal("Kerro saavutettavuuspuutteesta lomakkeella", form.TextContent);
        Assert.Null(statement.Document.QuerySelector("main a[href^='mailto:']"));
        var barrier = "Ruudunlukija ei lue kalenterin päiviä " + Guid.NewGuid().ToString("N")[..6];

        var sent = await visitor.SubmitAsync("/accessibility/feedback",
            new() { ["Message"] = barrier, ["Address"] = "/events?view=month", ["Email"] = "lukija@example.fi" });

        Assert.StartsWith("/accessibility/feedback?sent=", sent.Path);
        Assert.Contains("Palautteesi lähetettiin", sent.Notice);
        Assert.NotNull(sent.Document.QuerySelector("main a[href='/accessibility']"));
        var mail = Assert.Single(await app.MailToAsync(coordinator), m => m.TextBody.Contains(barrier));
        Assert.Equal("Palaute saavutettavuudesta", mail.Subject);
        Assert.Contains("Sivu: /events?view=month", mail.TextBody);
        Assert.Contains("Vastausosoite: lukija@example.fi", mail.TextBody);
    }

    [Theory]
    [InlineData("fi", "", "", "Kirjoita, mikä ei toiminut.")]
    [InlineData("sv", "   ", "", "Skriv vad som inte fungerade.")]
    [InlineData("en", "Ei toimi", "ei-osoite", "The email address is not in the right form")]
    [InlineData("fi", "long", "", "Viesti voi olla enintään 4000 merkkiä.")]
    public async Task Bad_feedback_is_refused_with_a_message_and_nothing_is_sent(string language, string message, string email, string error)
    {
        var coordinator = $"ei-palautetta.{Guid.NewGuid():N}@example.fi";
        await app.CreateUserAsync(coordinator, "koordinaattorin salasana 2026", Roles.Coordinator);
        if (message == "long") message = new string('a', 4001);

        var page = await WebBrowser.Open(app).SubmitAsync($"/accessibility/feedback?culture={language}",
            new() { ["Message"] = message, ["Email"] = email, ["Address"] = "" });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(error, page.ErrorSummary);
        // What was written stays in the form, to be corrected rather than written again.
        Assert.Equal(message.Trim(), page.Document.QuerySelector("textarea#Message")!.TextContent.Trim());
        Assert.Empty(await app.MailToAsync(coordinator));
    }

    [Fact]
    public async Task With_a_contact_address_the_statement_shows_it_and_feedback_goes_there()
    {
        await using var configured = new YhdessaApp(app.Engine, builder => builder.UseSetting("Yhdessa:ContactEmail", "verkosto@example.fi"));
        var visitor = WebBrowser.Open(configured);

        var statement = await visitor.OpenAsync("/accessibility?culture=sv");
        Assert.Equal("verkosto@example.fi", statement.Document.QuerySelector("main a[href='mailto:verkosto@example.fi']")?.TextContent);
        await visitor.SubmitAsync("/accessibility/feedback", new() { ["Message"] = "Kontrasten är för svag", ["Email"] = "", ["Address"] = "" });

        Assert.Contains(await configured.MailToAsync("verkosto@example.fi"), m => m.TextBody.Contains("Kontrasten är för svag"));
    }
}
