using System.Net;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Feedback;
using Yhdessa.Features.Needs;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Features.Surveys.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Events;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Needs;

[Collection("Needs on SQLite")]
public sealed class FeedbackOnSqlite(SqliteApp app) : FeedbackTests(app);
[Collection("Needs on PostgreSQL")]
public sealed class FeedbackOnPostgres(PostgresApp app) : FeedbackTests(app);

/// <summary>The open answers of event feedback become needs, with where they came from and never who gave them.</summary>
public abstract class FeedbackTests(YhdessaApp app)
{
    private readonly WebApplicationFactory<Program> host = NetworkTestHost.For(app);

    /// <summary>A past event with its feedback survey, and answers to it: each a topic wished for and what to develop.</summary>
    private async Task<Event> EventWithFeedbackAsync(string title, EventType type, int? seriesId, DateTimeOffset starts,
        params (string Topic, string Develop)[] answers)
    {
        var ev = EventTestData.NewEvent(title, starts);
        ev.Type = type;
        ev.SeriesId = seriesId;
        await host.WithDbAsync(async db => { db.Events.Add(ev); await db.SaveChangesAsync(); });
        using var scope = host.Services.CreateScope();
        var survey = await scope.ServiceProvider.GetRequiredService<EventFeedback>().EnsureSurveyAsync(ev, default);
        await host.WithDbAsync(async db =>
        {
            var questions = await db.SurveyQuestions.Where(q => q.SurveyId == survey.Id).OrderBy(q => q.Position).ToListAsync();
            var (develop, topics) = (questions.Single(q => q.ReadForNeeds), questions.Single(q => q.Kind == QuestionKind.Topics));
            foreach (var (topic, text) in answers)
            {
                var response = new SurveyResponse { Id = Guid.NewGuid(), SurveyId = survey.Id, SubmittedOn = DateOnly.FromDateTime(starts.UtcDateTime).AddDays(1) };
                response.Answers.Add(new SurveyAnswer { QuestionId = develop.Id, Text = text });
                response.Topics.Add(new WishedTopic { Id = Guid.NewGuid(), SurveyId = survey.Id, QuestionId = topics.Id, Topic = topic });
                db.SurveyResponses.Add(response);
            }
            await db.SaveChangesAsync();
        });
        return ev;
    }

    private Task<int> SeriesAsync(string name) => host.WithDbAsync(async db =>
    {
        var series = new EventSeries { Slug = "sarja-" + Guid.NewGuid().ToString("N")[..8], NameFi = name };
        db.EventSeries.Add(series);
        await db.SaveChangesAsync();
        return series.Id;
    });

    private async Task<HttpClient> TriagerAsync() => host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));

    /// <summary>The form keys of the answers whose words contain <paramref name="words"/>, as the page offers them.</summary>
    private static List<string> KeysOf(string page, string words) =>
        [.. System.Text.RegularExpressions.Regex.Matches(page, "name=\"Chosen\" value=\"([^\"]+)\"[^>]*aria-label=\"[^\"]*" + System.Text.RegularExpressions.Regex.Escape(words))
            .Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task The_triagers_read_answers_across_events_by_series_type_and_period_and_no_one_else_does()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var series = await SeriesAsync("Asumisneuvonnan sarja " + marker);
        await EventWithFeedbackAsync(EventTestData.Unique("Sarjan koulutus"), EventType.Training, series, DateTimeOffset.UtcNow.AddDays(-40),
            ($"Velkaneuvonta {marker}", $"Enemmän esimerkkejä {marker}"));
        await EventWithFeedbackAsync(EventTestData.Unique("Seminaari"), EventType.Seminar, null, DateTimeOffset.UtcNow.AddDays(-400),
            ($"Nuorten asuminen {marker}", ""));
        var triager = await TriagerAsync();

        var all = await triager.GetStringAsync("/needs/feedback?culture=fi");
        Assert.Contains($"Velkaneuvonta {marker}", all);
        Assert.Contains($"Enemmän esimerkkejä {marker}", all);
        Assert.Contains($"Nuorten asuminen {marker}", all);
        Assert.Contains("Toivottu aihe", all);
        Assert.Contains("Mitä pitäisi kehittää", all);

        var inSeries = await triager.GetStringAsync($"/needs/feedback?series={series}");
        Assert.Contains($"Velkaneuvonta {marker}", inSeries);
        Assert.DoesNotContain($"Nuorten asuminen {marker}", inSeries);
        var seminars = await triager.GetStringAsync("/needs/feedback?type=Seminar");
        Assert.Contains($"Nuorten asuminen {marker}", seminars);
        Assert.DoesNotContain($"Velkaneuvonta {marker}", seminars);
        var lastYear = DateTime.UtcNow.AddDays(-100).ToString("yyyy-MM-dd");
        var recent = await triager.GetStringAsync($"/needs/feedback?from={lastYear}");
        Assert.Contains($"Velkaneuvonta {marker}", recent);
        Assert.DoesNotContain($"Nuorten asuminen {marker}", recent);

        NetworkTestHost.AssertForbidden(await host.Client(await host.CreateUserAsync("Jäsen")).GetAsync("/needs/feedback"));
        Assert.Equal(HttpStatusCode.Redirect, (await host.Client().GetAsync("/needs/feedback")).StatusCode);
    }

    [Fact]
    public async Task Several_answers_become_one_need_that_shows_its_events_to_everyone_and_its_answers_to_the_triagers_only()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var first = await EventWithFeedbackAsync(EventTestData.Unique("Kevään koulutus"), EventType.Training, null, DateTimeOffset.UtcNow.AddDays(-30),
            ($"Häätöjen ehkäisy {marker}", $"Lisää häätöjä {marker}"));
        var second = await EventWithFeedbackAsync(EventTestData.Unique("Syksyn koulutus"), EventType.Training, null, DateTimeOffset.UtcNow.AddDays(-10),
            ($"häätöjen ehkäisy {marker}", ""));
        var triager = await TriagerAsync();
        var page = await triager.GetStringAsync("/needs/feedback");
        var chosen = KeysOf(page, $"äätöjen ehkäisy {marker}").Concat(KeysOf(page, $"Lisää häätöjä {marker}")).ToList();
        Assert.Equal(3, chosen.Count);
        var title = EventTestData.Unique("Koulutusta häätöjen ehkäisyyn");
        var theme = await host.WithDbAsync(async db =>
        {
            var made = new EventTheme { NameFi = "Teema " + marker };
            db.EventThemes.Add(made);
            await db.SaveChangesAsync();
            return made.Id;
        });

        var made = await triager.PostFormAsync("/needs/feedback",
        [
            .. chosen.Select(key => new KeyValuePair<string, string>("Chosen", key)),
            new("Input.Kind", "Training"), new("Input.Title", title), new("Input.Description", "Palautteessa toivottiin koulutusta häätöjen ehkäisystä."),
            new("Input.ThemeIds", theme.ToString()),
        ], "/needs/feedback?handler=Raise");

        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var needPath = made.Headers.Location!.OriginalString;
        var need = await host.WithDbAsync(db => db.Needs.AsNoTracking().SingleAsync(n => n.Title == title));
        Assert.Equal(NeedOrigin.Feedback, need.Origin);
        Assert.Null(need.RaisedById);
        var seen = await host.Client().GetStringAsync(needPath + "?culture=fi");
        Assert.Contains("Tapahtumien palautteesta", seen);
        Assert.Contains(first.TitleFi, seen);
        Assert.Contains(second.TitleFi, seen);
        Assert.DoesNotContain($"Lisää häätöjä {marker}", seen);
        var triaged = await triager.GetStringAsync(needPath + "?culture=fi");
        Assert.Contains($"Lisää häätöjä {marker}", triaged);
        Assert.Contains("Palautteen vastaukset tarpeen takana", triaged);

        // Used answers leave the list of those waiting, and say where they went when asked for.
        Assert.DoesNotContain($"Lisää häätöjä {marker}", await triager.GetStringAsync("/needs/feedback"));
        var withUsed = await triager.GetStringAsync("/needs/feedback?all=true");
        Assert.Contains($"Lisää häätöjä {marker}", withUsed);
        Assert.Contains($"href=\"/needs/{need.Id}\"", withUsed);

        // The plan shows how much feedback stands behind the need, on the page and in the spreadsheet.
        var plan = await triager.GetStringAsync($"/needs/plan?theme={theme}");
        Assert.Matches($"{System.Text.RegularExpressions.Regex.Escape(title)}</a></th>\\s*<td>[^<]*</td>\\s*<td>0</td>\\s*<td>3</td>", plan);
        using var book = new XLWorkbook(await triager.GetStreamAsync($"/needs/plan?handler=Export&theme={theme}"));
        var row = book.Worksheet(1).RowsUsed().Single(r => r.Cell(1).GetString() == title);
        Assert.Equal("3", row.Cell(5).GetString());
    }

    [Fact]
    public async Task Bad_or_stale_choices_are_refused_with_a_message_and_save_nothing()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        await EventWithFeedbackAsync(EventTestData.Unique("Koulutus"), EventType.Training, null, DateTimeOffset.UtcNow.AddDays(-5),
            ($"Päihdetyö {marker}", ""));
        var triager = await TriagerAsync();
        var key = Assert.Single(KeysOf(await triager.GetStringAsync("/needs/feedback"), $"Päihdetyö {marker}"));
        var needs = await host.WithDbAsync(db => db.Needs.CountAsync());
        KeyValuePair<string, string>[] fields(string title) =>
            [new("Chosen", key), new("Input.Kind", "Training"), new("Input.Title", title), new("Input.Description", "Kuvaus")];

        var nothingChosen = await triager.PostFormAsync("/needs/feedback",
            [new("Input.Kind", "Training"), new("Input.Title", "Otsikko"), new("Input.Description", "Kuvaus")], "/needs/feedback?handler=Raise");
        Assert.Equal(HttpStatusCode.BadRequest, nothingChosen.StatusCode);
        Assert.Contains("Valitse ainakin yksi vastaus.", await nothingChosen.Content.ReadAsStringAsync());
        var noTitle = await triager.PostFormAsync("/needs/feedback", fields(""), "/needs/feedback?handler=Raise");
        Assert.Equal(HttpStatusCode.BadRequest, noTitle.StatusCode);
        Assert.Contains("checked", await noTitle.Content.ReadAsStringAsync()); // her choice is kept
        var forged = await triager.PostFormAsync("/needs/feedback",
            [new("Chosen", $"t:{Guid.NewGuid():N}:1"), new("Input.Kind", "Training"), new("Input.Title", "Keksitty"), new("Input.Description", "Kuvaus")],
            "/needs/feedback?handler=Raise");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(needs, await host.WithDbAsync(db => db.Needs.CountAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await triager.PostFormAsync("/needs/feedback", fields(EventTestData.Unique("Ensimmäinen")), "/needs/feedback?handler=Raise")).StatusCode);
        // A second triager's page, opened before the first one's need, sends the same answer.
        var stale = await triager.PostFormAsync("/needs/feedback", fields(EventTestData.Unique("Toinen")), "/needs/feedback?handler=Raise");
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("Joku valituista vastauksista on jo liitetty tarpeeseen", await stale.Content.ReadAsStringAsync());
        Assert.Equal(needs + 1, await host.WithDbAsync(db => db.Needs.CountAsync()));
    }

    [Fact]
    public async Task Answers_go_into_an_existing_need_by_its_number()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        await EventWithFeedbackAsync(EventTestData.Unique("Webinaari"), EventType.Webinar, null, DateTimeOffset.UtcNow.AddDays(-3),
            ($"Asumisen tuki {marker}", $"Pidempi keskustelu {marker}"));
        var triager = await TriagerAsync();
        var keys = KeysOf(await triager.GetStringAsync("/needs/feedback"), marker);
        Assert.Equal(2, keys.Count);
        var raiser = await host.CreateUserAsync("Kertoja");
        int needId;
        using (var scope = host.Services.CreateScope())
            needId = (await scope.ServiceProvider.GetRequiredService<NeedCatalogue>().RaiseAsync(new Need
            {
                Kind = NeedKind.Training, Title = EventTestData.Unique("Asumisen tuen koulutus"), Description = "Kuvaus", RaisedById = raiser,
            }, [], default)).Id;
        var chosen = keys.Select(key => new KeyValuePair<string, string>("Chosen", key)).ToList();

        var unknown = await triager.PostFormAsync("/needs/feedback", [.. chosen, new("AddTo", "999999")], "/needs/feedback?handler=AddTo");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Tällä numerolla ei ole", await unknown.Content.ReadAsStringAsync());
        var added = await triager.PostFormAsync("/needs/feedback", [.. chosen, new("AddTo", needId.ToString())], "/needs/feedback?handler=AddTo");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(2, await host.WithDbAsync(db => db.NeedFeedbackSources.CountAsync(f => f.NeedId == needId)));
        Assert.Contains("2 vastausta", await host.Client().GetStringAsync($"/needs/{needId}?culture=fi"));
    }

    [Fact]
    public async Task A_coordinator_marks_another_free_text_question_as_read_for_needs_and_its_answers_join_the_view()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var ev = await EventWithFeedbackAsync(EventTestData.Unique("Työpaja"), EventType.Workshop, null, DateTimeOffset.UtcNow.AddDays(-2));
        var (surveyId, worked) = await host.WithDbAsync(async db =>
        {
            var survey = await db.Surveys.SingleAsync(x => x.OwnerKind == EventFeedback.OwnerKind && x.OwnerId == ev.Id.ToString());
            return (survey.Id, await db.SurveyQuestions.SingleAsync(q => q.SurveyId == survey.Id && q.TextFi == "Mikä toimi?"));
        });
        var coordinator = await TriagerAsync();
        var path = $"/surveys/{surveyId}/questions/{worked.Id}";
        Assert.Contains("Vastaukset luetaan mahdollisina tarpeina", await coordinator.GetStringAsync(path));

        var saved = await coordinator.PostFormAsync(path, [new("Input.TextFi", "Mikä toimi?"), new("Input.ReadForNeeds", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await host.WithDbAsync(async db =>
        {
            db.SurveyResponses.Add(new SurveyResponse
            {
                Id = Guid.NewGuid(), SurveyId = surveyId, SubmittedOn = DateOnly.FromDateTime(DateTime.UtcNow),
                Answers = [new SurveyAnswer { QuestionId = worked.Id, Text = $"Vertaistuki toimi {marker}" }],
            });
            await db.SaveChangesAsync();
        });
        Assert.Contains($"Vertaistuki toimi {marker}", await coordinator.GetStringAsync("/needs/feedback?type=Workshop"));
    }
}
