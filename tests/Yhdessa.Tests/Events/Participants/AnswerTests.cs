using System.Net;
using System.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Account;

namespace Yhdessa.Tests.Events.Participants;

[Collection("Events on SQLite")]
public sealed class AnswersOnSqlite(SqliteApp app) : AnswerTests(app);
[Collection("Events on PostgreSQL")]
public sealed class AnswersOnPostgres(PostgresApp app) : AnswerTests(app);

/// <summary>The answers to an event's custom questions on the coordinator's list, in the choice counts and in the exports.</summary>
public abstract class AnswerTests(YhdessaApp app)
{
    /// <summary>An event asking "which workshop" (a choice, fi/sv/en) and "what do you expect" (free text, Finnish only),
    /// with four confirmed people: two chose A, one chose B, one answered with something that looks like a formula and
    /// chose nothing; one person on the waiting list chose A (not counted); one confirmed person's data is erased.</summary>
    private async Task<(Event Ev, int Erased)> WorkshopEventAsync()
    {
        var ev = await app.EventAsync(app.Now().AddDays(4), capacity: 5);
        var (workshop, a, b) = await app.ChoiceQuestionAsync(ev);
        var expect = await app.TextQuestionAsync(ev, "Mitä odotat päivältä?");
        await app.AnswerAsync(await app.RegisterAsync(ev, "Anna Asunto"), (workshop, null, a), (expect, "Vertaistukea", null));
        await app.AnswerAsync(await app.RegisterAsync(ev, "Bertil Bostad"), (workshop, null, a));
        await app.AnswerAsync(await app.RegisterAsync(ev, "Cecilia Ceder"), (workshop, null, b));
        await app.AnswerAsync(await app.RegisterAsync(ev, "Daniel Kaava"), (expect, "=HYPERLINK(\"http://paha.example\")", null));
        await app.AnswerAsync(await app.RegisterAsync(ev, "Eeva Jonossa", RegistrationStatus.Waiting), (workshop, null, a));
        var erased = await app.RegisterAsync(ev, "Poistuva Henkilö");
        await app.AnswerAsync(erased, (workshop, null, b), (expect, "Salainen toive", null));
        await app.EraseAsync(erased);
        return (ev, erased);
    }

    [Fact]
    public async Task The_coordinator_sees_each_persons_answers_and_erased_answers_as_deleted()
    {
        var (ev, _) = await WorkshopEventAsync();

        var page = await (await app.CoordinatorAsync()).OpenAsync($"/events/{ev.Slug}/participants");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var confirmed = page.Document.QuerySelector("section[aria-labelledby=confirmed]")!;
        Assert.Contains("Vastaukset", confirmed.QuerySelectorAll("th[scope=col]").Select(th => th.TextContent));
        var anna = Row(confirmed, "Anna Asunto");
        Assert.Contains("Mihin työpajaan osallistut?: A: Asumisneuvonta", anna);
        Assert.Contains("Mitä odotat päivältä?: Vertaistukea", anna);
        Assert.Contains("Mitä odotat päivältä?: =HYPERLINK(\"http://paha.example\")", Row(confirmed, "Daniel Kaava"));
        Assert.Contains("vastaukset poistettu", Row(confirmed, "(tiedot poistettu)"));
        Assert.DoesNotContain("Salainen toive", page.Text);
        Assert.Contains("Mihin työpajaan osallistut?: A: Asumisneuvonta",
            Row(page.Document.QuerySelector("section[aria-labelledby=waiting]")!, "Eeva Jonossa"));
    }

    [Fact]
    public async Task The_choice_counts_are_a_table_per_question_counting_confirmed_participants()
    {
        var (ev, _) = await WorkshopEventAsync();

        var page = await (await app.CoordinatorAsync()).OpenAsync($"/events/{ev.Slug}/participants");

        var tables = page.Document.QuerySelectorAll("section[aria-labelledby=choices] table");
        // Only the choice question gets counts; the free-text one has nothing to count.
        var table = Assert.Single(tables);
        Assert.Equal("Mihin työpajaan osallistut?", table.QuerySelector("caption")!.TextContent.Trim());
        Assert.Equal(["Vaihtoehto", "Valinneita"], table.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent.Trim()).ToArray());
        var counts = table.QuerySelectorAll("tbody tr").Select(tr => (tr.QuerySelector("th[scope=row]")!.TextContent.Trim(), tr.QuerySelector("td")!.TextContent.Trim()));
        // Five confirmed: two chose A, one B (the erased person's choice is gone), two made no choice; the waiting person is not counted.
        Assert.Equal([("A: Asumisneuvonta", "2"), ("B: Päihdetyö", "1"), ("Ei valintaa", "2")], counts.ToArray());

        var english = await (await app.CoordinatorAsync()).OpenAsync($"/events/{ev.Slug}/participants?culture=en");
        var englishTable = english.Document.QuerySelector("section[aria-labelledby=choices] table")!;
        Assert.Equal("Which workshop will you join?", englishTable.QuerySelector("caption")!.TextContent.Trim());
        Assert.Contains("A: Housing counselling", englishTable.TextContent);
        Assert.Contains("Which workshop will you join?: A: Housing counselling", Row(english.Document.QuerySelector("section[aria-labelledby=confirmed]")!, "Anna Asunto"));
    }

    [Fact]
    public async Task An_event_without_questions_has_no_answer_column_nor_choice_counts()
    {
        var ev = await app.EventAsync(app.Now().AddDays(4));
        await app.RegisterAsync(ev, "Kysymyksetön Osallistuja");

        var page = await (await app.CoordinatorAsync()).OpenAsync($"/events/{ev.Slug}/participants");

        Assert.DoesNotContain("Vastaukset", page.Document.QuerySelectorAll("th[scope=col]").Select(th => th.TextContent));
        Assert.Null(page.Document.QuerySelector("section[aria-labelledby=choices]"));
    }

    [Fact]
    public async Task The_csv_has_a_column_per_question_with_formulas_made_harmless_and_erased_answers_empty()
    {
        var (ev, _) = await WorkshopEventAsync();

        var response = await (await app.CoordinatorAsync()).Client.GetAsync($"/events/{ev.Slug}/participants?handler=Export&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length);
        Assert.Equal("Nimi;Organisaatio;Tila;Läsnäolo;Ilmoittautumisaika;Erityisruokavalio;Saavutettavuustarpeet;Mihin työpajaan osallistut?;Mitä odotat päivältä?", lines[0]);
        Assert.EndsWith(";A: Asumisneuvonta;Vertaistukea", Line(lines, "Anna Asunto"));
        Assert.EndsWith(";A: Asumisneuvonta;", Line(lines, "Bertil Bostad"));
        Assert.EndsWith(";;\"'=HYPERLINK(\"\"http://paha.example\"\")\"", Line(lines, "Daniel Kaava"));
        Assert.EndsWith(";;", Line(lines, "(tiedot poistettu)"));
    }

    [Fact]
    public async Task The_xlsx_has_a_column_per_question_in_the_coordinators_language_as_text()
    {
        var (ev, _) = await WorkshopEventAsync();

        var response = await (await app.CoordinatorAsync()).Client.GetAsync($"/events/{ev.Slug}/participants?handler=Export&format=xlsx&culture=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);
        Assert.Equal(9, sheet.LastColumnUsed()!.ColumnNumber());
        // The English text where there is one; the Finnish one where the coordinator gave no translation.
        Assert.Equal("Which workshop will you join?", sheet.Cell(1, 8).GetString());
        Assert.Equal("Mitä odotat päivältä?", sheet.Cell(1, 9).GetString());
        var rows = Enumerable.Range(2, 6).ToDictionary(r => sheet.Cell(r, 1).GetString(), r => (sheet.Cell(r, 8).GetString(), sheet.Cell(r, 9)));
        Assert.Equal("A: Housing counselling", rows["Anna Asunto"].Item1);
        Assert.Equal("Vertaistukea", rows["Anna Asunto"].Item2.GetString());
        Assert.Equal("B: Substance abuse work", rows["Cecilia Ceder"].Item1);
        Assert.Equal("'=HYPERLINK(\"http://paha.example\")", rows["Daniel Kaava"].Item2.GetString());
        Assert.False(rows["Daniel Kaava"].Item2.HasFormula);
        Assert.Equal(("", ""), (rows["(data erased)"].Item1, rows["(data erased)"].Item2.GetString()));
    }

    [Fact]
    public async Task A_member_gets_no_answers_in_the_list_nor_in_the_exports()
    {
        var (ev, _) = await WorkshopEventAsync();
        var member = await app.SignedInAsync("jasen");

        foreach (var path in new[] { $"/events/{ev.Slug}/participants", $"/events/{ev.Slug}/participants?handler=Export&format=csv" })
        {
            var response = await member.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("access-denied") == true,
                $"{path} answered {(int)response.StatusCode}");
            Assert.DoesNotContain("Vertaistukea", await response.Content.ReadAsStringAsync());
        }
    }

    private static string Row(AngleSharp.Dom.IElement section, string name) =>
        section.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("th[scope=row]")!.TextContent.Trim() == name).TextContent;

    private static string Line(string[] lines, string name) => lines.Single(l => l.StartsWith(name + ";", StringComparison.Ordinal));
}

/// <summary>TEST HELPER: custom questions and answers put straight into the database, as the registration form stores them.</summary>
public static class AnswerTestData
{
    public static Task<(int Question, int A, int B)> ChoiceQuestionAsync(this YhdessaApp app, Event ev) => app.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<YhdessaDb>();
        var question = new EventQuestion
        {
            EventId = ev.Id, Kind = QuestionKind.Choice, Position = 1, TextFi = "Mihin työpajaan osallistut?",
            TextSv = "Vilken workshop deltar du i?", TextEn = "Which workshop will you join?",
            Options =
            [
                new() { TextFi = "A: Asumisneuvonta", TextSv = "A: Boenderådgivning", TextEn = "A: Housing counselling", Position = 1 },
                new() { TextFi = "B: Päihdetyö", TextSv = "B: Missbruksarbete", TextEn = "B: Substance abuse work", Position = 2 },
            ],
        };
        db.EventQuestions.Add(question);
        await db.SaveChangesAsync();
        return (question.Id, question.Options[0].Id, question.Options[1].Id);
    });

    public static Task<int> TextQuestionAsync(this YhdessaApp app, Event ev, string textFi) => app.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<YhdessaDb>();
        var question = new EventQuestion { EventId = ev.Id, Kind = QuestionKind.Text, Position = 2, TextFi = textFi };
        db.EventQuestions.Add(question);
        await db.SaveChangesAsync();
        return question.Id;
    });

    public static Task AnswerAsync(this YhdessaApp app, int registrationId, params (int Question, string? Text, int? Option)[] answers) =>
        app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            db.RegistrationAnswers.AddRange(answers.Select(a => new RegistrationAnswer
            { RegistrationId = registrationId, QuestionId = a.Question, Text = a.Text, OptionId = a.Option }));
            await db.SaveChangesAsync();
            return 0;
        });

    /// <summary>What the retention job does to a registration: answers deleted, the person's data marked erased.</summary>
    public static Task EraseAsync(this YhdessaApp app, int registrationId) => app.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<YhdessaDb>();
        await db.RegistrationAnswers.Where(a => a.RegistrationId == registrationId).ExecuteDeleteAsync();
        var registration = await db.EventRegistrations.FirstAsync(r => r.Id == registrationId);
        registration.Name = "";
        registration.PersonalDataErasedAt = DateTimeOffset.UtcNow;
        registration.NeedsErasedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
        return 0;
    });
}
