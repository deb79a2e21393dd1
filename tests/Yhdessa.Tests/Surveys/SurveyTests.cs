using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Surveys;
using Yhdessa.Features.Surveys.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Account;
using Yhdessa.Tests.Events;
using Person = Yhdessa.Tests.Support.WebBrowser;


namespace Yhdessa.Tests.Surveys;

[Collection("Surveys on SQLite")]
public sealed class SurveysOnSqlite(SqliteApp app) : SurveyTests(app);
[Collection("Surveys on PostgreSQL")]
public sealed class SurveysOnPostgres(PostgresApp app) : SurveyTests(app);

/// <summary>The survey engine as the invited person and the coordinator meet it: one-time anonymous answers,
/// refused links and input, results, reminders, export and comparison.</summary>
public abstract class SurveyTests(YhdessaApp app)
{
    // ---- helpers ----

    private sealed record Invited(int SurveyId, List<SurveyQuestion> Questions, List<SurveyLink> Links)
    {
        public string Path(int i) => new Uri(Links[i].Url).PathAndQuery;
        public string Field(int position) => SurveyAnswering.Field(Questions[position - 1]);
    }

    private async Task<Invited> OpenSurveyAsync(int people = 2, string? series = null, Action<Survey>? change = null,
        string language = "fi")
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        return await app.WithServicesAsync(async services =>
        {
            var surveys = services.GetRequiredService<SurveyService>();
            var survey = await surveys.CreateFromTemplateAsync("event", tag, series, "Palaute " + tag, "Respons " + tag, "Feedback " + tag);
            survey.Status = SurveyStatus.Open;
            change?.Invoke(survey);
            await services.GetRequiredService<YhdessaDb>().SaveChangesAsync();
            var links = await services.GetRequiredService<ISurveyInvitations>().InviteAsync(survey.Id,
                Enumerable.Range(1, people).Select(n => new SurveyRecipient($"vastaaja{n}-{tag}@example.fi", $"Vastaaja {n} {tag}", language)));
            return new Invited(survey.Id, survey.Questions.OrderBy(q => q.Position).ToList(), links.ToList());
        });
    }

    private static Dictionary<string, string> FullAnswer(Invited s, int overall = 4, int useful = 5) => new()
    {
        [s.Field(1)] = overall.ToString(), [s.Field(2)] = useful.ToString(),
        [s.Field(3)] = "Pienryhmät", [s.Field(4)] = "Enemmän taukoja",
    };

    private Task<Person.Page> AnswerAsync(Invited s, int person, IEnumerable<KeyValuePair<string, string>> fields) =>
        Person.Open(app).SubmitValuesAsync(s.Path(person), fields);

    /// <summary>Posts straight to a page whose form is not shown, with a valid antiforgery token from another form.</summary>
    private async Task<Person.Page> PostWithTokenAsync(string path, Dictionary<string, string> fields)
    {
        var person = Person.Open(app);
        var signIn = await person.GetAsync("/account/sign-in");
        var token = signIn.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await person.PostAsync(path, [new("__RequestVerificationToken", token), .. fields]);
    }

    private Task<int> ResponsesAsync(int surveyId) =>
        app.WithServicesAsync(services => services.GetRequiredService<YhdessaDb>().SurveyResponses.CountAsync(r => r.SurveyId == surveyId));

    private async Task<Person> CoordinatorAsync()
    {
        var email = $"koordinaattori-{Guid.NewGuid():N}@example.fi";
        const string password = "kyselyjen salasana syksyllä";
        await app.CreateUserAsync(email, password, Roles.Coordinator, Roles.Member);
        return await app.SignInAsync(email, password);
    }

    // ---- answering ----

    [Fact]
    public async Task An_invited_person_answers_once_and_the_link_then_refuses_a_second_answer()
    {
        var s = await OpenSurveyAsync();
        var form = await Person.Open(app).OpenAsync(s.Path(0));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.StartsWith("Palaute", form.H1);
        Assert.Equal(2, form.Document.QuerySelectorAll("fieldset legend").Count(l => l.TextContent.EndsWith('*')));
        Assert.NotNull(form.Document.QuerySelector($"label[for={s.Field(3)}]"));

        var answered = await AnswerAsync(s, 0, [.. FullAnswer(s), new(s.Field(5), "Asunto ensin"), new(s.Field(5), "Nuoret")]);
        Assert.Equal("/surveys/answer/thanks", answered.Path);
        Assert.Equal("Kiitos vastauksestasi", answered.H1);

        var again = await Person.Open(app).OpenAsync(s.Path(0));
        Assert.Equal(HttpStatusCode.Gone, again.Status);
        Assert.Contains("jo vastattu", again.Text);
        Assert.Null(again.Document.QuerySelector("main form"));

        // Posting the form again with the used link (e.g. from an open tab) saves nothing.
        var secondUse = await PostWithTokenAsync(s.Path(0), FullAnswer(s));
        Assert.Equal(HttpStatusCode.Gone, secondUse.Status);
        Assert.Equal(1, await ResponsesAsync(s.SurveyId));
    }

    [Fact]
    public async Task Two_submissions_racing_with_one_link_save_one_answer()
    {
        var s = await OpenSurveyAsync(people: 1);
        var token = new Uri(s.Links[0].Url).Segments[^1];
        var form = FullAnswer(s).ToDictionary(f => f.Key, f => new[] { f.Value });
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.WithServicesAsync(services =>
            services.GetRequiredService<SurveyAnswering>().SubmitAsync(token, form))));
        Assert.Single(outcomes, o => o.Status == TokenStatus.Valid);
        Assert.Equal(1, await ResponsesAsync(s.SurveyId));
    }

    [Fact]
    public async Task On_postgres_the_response_is_not_written_by_the_transaction_that_used_the_invitation()
    {
        var s = await OpenSurveyAsync(people: 1);
        await AnswerAsync(s, 0, FullAnswer(s));
        var transactions = await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            if (!db.Database.IsNpgsql()) return null;
            return new[]
            {
                await db.Database.SqlQuery<string>($"SELECT xmin::text AS \"Value\" FROM \"SurveyInvitations\" WHERE \"SurveyId\" = {s.SurveyId}").SingleAsync(),
                await db.Database.SqlQuery<string>($"SELECT xmin::text AS \"Value\" FROM \"SurveyResponses\" WHERE \"SurveyId\" = {s.SurveyId}").SingleAsync(),
            };
        });
        if (transactions is not null) Assert.NotEqual(transactions[0], transactions[1]);
    }

    [Fact]
    public async Task A_tampered_link_is_not_recognised_and_says_so_in_the_readers_language()
    {
        var s = await OpenSurveyAsync();
        var tampered = s.Path(0).Replace("?", "x?");
        var page = await Person.Open(app).OpenAsync(tampered);
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Linkki ei toimi", page.H1);
        Assert.DoesNotContain("Palaute", page.Text);

        var english = await Person.Open(app).OpenAsync("/surveys/answer/nonsense?culture=en");
        Assert.Equal("The link does not work", english.H1);
    }

    [Fact]
    public async Task A_survey_past_its_closing_day_or_closed_takes_no_answers()
    {
        var pastDay = await OpenSurveyAsync(change: survey => survey.ClosesOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)));
        var page = await Person.Open(app).OpenAsync(pastDay.Path(0));
        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Contains("suljettu", page.Text);

        var closed = await OpenSurveyAsync(change: survey => survey.Status = SurveyStatus.Closed);
        var posted = await PostWithTokenAsync(closed.Path(0), FullAnswer(closed));
        Assert.Equal(HttpStatusCode.Gone, posted.Status);
        Assert.Equal(0, await ResponsesAsync(closed.SurveyId));

        var open = await OpenSurveyAsync(change: survey => survey.ClosesOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)));
        Assert.Equal(HttpStatusCode.OK, (await Person.Open(app).OpenAsync(open.Path(0))).Status);
    }

    [Fact]
    public async Task Bad_answers_get_a_translated_message_and_nothing_is_saved()
    {
        var s = await OpenSurveyAsync();
        var bad = await AnswerAsync(s, 0, new Dictionary<string, string>
        {
            [s.Field(1)] = "7", [s.Field(3)] = new string('a', SurveyLimits.Answer + 1),
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("Valitse kysymykseen ”Kokonaisarvio tilaisuudesta” arvo väliltä 1–5.", bad.ErrorSummary);
        Assert.Contains("Vastaa kysymykseen ”Hyöty omalle työlleni”.", bad.ErrorSummary);
        Assert.Contains("enintään 4000 merkkiä", bad.ErrorSummary);
        // The summary links to the first input of each question, and what was typed is kept.
        Assert.NotNull(bad.Document.QuerySelector($".error-summary a[href='#{s.Field(1)}']"));
        Assert.NotNull(bad.Document.GetElementById(s.Field(1)));
        Assert.Equal(0, await ResponsesAsync(s.SurveyId));

        var english = await Person.Open(app).SubmitValuesAsync(s.Path(0).Replace("culture=fi", "culture=en"),
            new Dictionary<string, string> { [s.Field(2)] = "3", [s.Field(5)] = new string('x', SurveyLimits.Topic + 1) });
        Assert.Contains("Answer the question “Overall rating of the event”.", english.ErrorSummary);
        Assert.Contains("at most 5 topics", english.ErrorSummary);

        // The link still works after the refused attempts.
        var fixedUp = await AnswerAsync(s, 0, FullAnswer(s));
        Assert.Equal("/surveys/answer/thanks", fixedUp.Path);
        Assert.Equal(1, await ResponsesAsync(s.SurveyId));
    }

    [Fact]
    public async Task The_invitation_mail_is_in_the_recipients_language_and_the_token_is_stored_only_as_a_hash()
    {
        var s = await OpenSurveyAsync(people: 1, language: "sv");
        var mail = Assert.Single(await app.MailToAsync(s.Links[0].Email));
        Assert.StartsWith("Enkät: Respons", mail.Subject);
        Assert.Contains(s.Links[0].Url, mail.TextBody);
        Assert.StartsWith("https://yhdessa.test/surveys/answer/", s.Links[0].Url);

        var token = new Uri(s.Links[0].Url).Segments[^1];
        var stored = await app.WithServicesAsync(services => services.GetRequiredService<YhdessaDb>().SurveyInvitations
            .SingleAsync(i => i.SurveyId == s.SurveyId));
        Assert.NotEqual(token, stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash);
        Assert.Equal(SurveyInvitations.Hash(token), stored.TokenHash);

        var page = await Person.Open(app).OpenAsync(s.Path(0));
        Assert.StartsWith("Respons", page.H1);
    }

    [Fact]
    public async Task A_response_has_nothing_that_links_it_to_a_person_or_an_invitation()
    {
        var model = await app.WithServicesAsync(services => Task.FromResult(services.GetRequiredService<YhdessaDb>().Model));
        foreach (var type in new[] { typeof(SurveyResponse), typeof(SurveyAnswer), typeof(WishedTopic) })
        {
            var entity = model.FindEntityType(type)!;
            Assert.All(entity.GetForeignKeys(), fk =>
                Assert.Contains(fk.PrincipalEntityType.ClrType, new[] { typeof(Survey), typeof(SurveyQuestion), typeof(SurveyResponse) }));
            Assert.DoesNotContain(entity.GetProperties(), p =>
                p.Name.Contains("User", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("Invitation", StringComparison.OrdinalIgnoreCase)
                || p.Name.Contains("Token", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("Email", StringComparison.OrdinalIgnoreCase)
                || p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTimeOffset?));
        }
        var response = model.FindEntityType(typeof(SurveyResponse))!;
        Assert.Equal(["Id", "SubmittedOn", "SurveyId"], response.GetProperties().Select(p => p.Name).Order());
        Assert.Equal(typeof(DateOnly), response.FindProperty("SubmittedOn")!.ClrType);
        // Keys are random, not a sequence that would follow the order of invitations being used.
        Assert.Equal(typeof(Guid), response.FindPrimaryKey()!.Properties.Single().ClrType);
        Assert.Equal(Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never, response.FindPrimaryKey()!.Properties.Single().ValueGenerated);
    }

    // ---- results ----

    [Fact]
    public async Task Results_show_distributions_means_comments_grouped_topics_and_who_has_not_answered()
    {
        var s = await OpenSurveyAsync(people: 4);
        await AnswerAsync(s, 0, [.. FullAnswer(s, overall: 5), new(s.Field(5), "Naisten asunnottomuus"), new(s.Field(5), "Päihdetyö")]);
        await AnswerAsync(s, 1, [.. FullAnswer(s, overall: 4), new(s.Field(5), "naisten asunnottomuus ")]);
        await AnswerAsync(s, 2, [new(s.Field(1), "4"), new(s.Field(2), "2")]);

        var topics = await app.WithServicesAsync(services => services.GetRequiredService<YhdessaDb>().WishedTopics
            .Where(t => t.SurveyId == s.SurveyId).Select(t => t.Topic).ToListAsync());
        Assert.Equal(3, topics.Count); // one row per wished topic, ready to become a need later

        var coordinator = await CoordinatorAsync();
        var results = await coordinator.OpenAsync($"/surveys/{s.SurveyId}/results");
        Assert.Equal(HttpStatusCode.OK, results.Status);
        var facts = results.Document.QuerySelector("dl.facts")!.TextContent;
        Assert.Contains("3", facts);
        Assert.Contains("75 %", facts.Replace('\u00a0', ' '));
        var overall = results.Document.QuerySelectorAll("section").First(x => x.TextContent.Contains("Kokonaisarvio"));
        Assert.Contains("keskiarvo 4,3", overall.TextContent);
        var rows = overall.QuerySelectorAll("tbody tr").Select(r => r.TextContent.Replace(" ", "").Trim()).ToList();
        Assert.Equal(["10", "20", "30", "42", "51"], rows.Select(r => string.Concat(r.Where(char.IsDigit))));
        Assert.NotNull(overall.QuerySelector("svg rect"));
        var topicRows = results.Document.QuerySelectorAll("section").First(x => x.TextContent.Contains("Mistä aiheista"))
            .QuerySelectorAll("tbody tr").Select(r => r.TextContent.Trim()).ToList();
        Assert.Equal(2, topicRows.Count);
        Assert.StartsWith("Naisten asunnottomuus", topicRows[0]);
        Assert.EndsWith("2", topicRows[0]);
        Assert.Contains("Enemmän taukoja", results.Text);

        var waiting = results.Document.QuerySelectorAll("main ul li").Select(li => li.TextContent).ToList();
        Assert.Contains(waiting, w => w.StartsWith("Vastaaja 4"));
        Assert.DoesNotContain(waiting, w => w.StartsWith("Vastaaja 1"));
    }

    [Fact]
    public async Task A_reminder_goes_to_those_who_have_not_answered_with_a_fresh_link()
    {
        var s = await OpenSurveyAsync(people: 2);
        await AnswerAsync(s, 0, FullAnswer(s));
        var coordinator = await CoordinatorAsync();
        var reminded = await coordinator.SubmitAsync($"/surveys/{s.SurveyId}/results", [], "main form[action*=Remind]");
        Assert.Contains("1", reminded.Notice);

        Assert.Single(await app.MailToAsync(s.Links[0].Email));
        var mails = await app.MailToAsync(s.Links[1].Email);
        Assert.Equal(2, mails.Count);
        Assert.StartsWith("Muistutus", mails[^1].Subject);
        var (fresh, _) = await app.LinkInLatestMailAsync(s.Links[1].Email);
        Assert.Equal(HttpStatusCode.NotFound, (await Person.Open(app).OpenAsync(s.Path(1))).Status);
        Assert.Equal("/surveys/answer/thanks", (await Person.Open(app).SubmitValuesAsync(fresh, FullAnswer(s))).Path);
    }

    [Fact]
    public async Task A_closed_survey_sends_no_reminders()
    {
        var s = await OpenSurveyAsync(people: 1);
        var coordinator = await CoordinatorAsync();
        var results = await coordinator.OpenAsync($"/surveys/{s.SurveyId}/results");
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            (await db.Surveys.SingleAsync(x => x.Id == s.SurveyId)).Status = SurveyStatus.Closed;
            return await db.SaveChangesAsync();
        });
        var token = results.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await coordinator.PostAsync($"/surveys/{s.SurveyId}/results?handler=Remind", [new("__RequestVerificationToken", token)]);
        Assert.Contains("muistutusta ei lähetetty", refused.Notice);
        Assert.Null(refused.Document.QuerySelector("main form[action*=Remind]"));
        Assert.Single(await app.MailToAsync(s.Links[0].Email));
    }

    [Fact]
    public async Task The_export_is_semicolon_csv_with_a_bom_formulas_neutralised_and_is_audited()
    {
        var s = await OpenSurveyAsync(people: 1);
        await AnswerAsync(s, 0, new Dictionary<string, string>
        {
            [s.Field(1)] = "3", [s.Field(2)] = "4", [s.Field(3)] = "=HYPERLINK(\"http://evil\";\"x\")", [s.Field(4)] = "@SUM(A1)",
        });
        var coordinator = await CoordinatorAsync();
        var response = await coordinator.Client.GetAsync($"/surveys/{s.SurveyId}/results?handler=Export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("Kysymys;Vastaus;Määrä", csv);
        Assert.Contains("Kokonaisarvio tilaisuudesta;3;1", csv);
        Assert.Contains("Kokonaisarvio tilaisuudesta;Keskiarvo;3,00", csv);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\";\"\"x\"\")\"", csv);
        Assert.Contains(";'@SUM(A1);", csv);
        Assert.DoesNotContain(";=", csv);

        var audited = await app.WithServicesAsync(services => services.GetRequiredService<YhdessaDb>().Set<AuditEntry>()
            .CountAsync(e => e.Action == "survey.results.exported" && e.Subject == "survey:" + s.SurveyId));
        Assert.Equal(1, audited);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+358", "'+358")]
    [InlineData("-5", "'-5")]
    [InlineData("@x", "'@x")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("sanoi \"hei\"\nja", "\"sanoi \"\"hei\"\"\nja\"")]
    [InlineData("tavallinen", "tavallinen")]
    public void A_csv_cell_is_escaped(string value, string expected) => Assert.Equal(expected, SurveyResults.Cell(value));

    [Fact]
    public async Task Surveys_of_one_series_are_compared_side_by_side_over_time()
    {
        var series = "sarja-" + Guid.NewGuid().ToString("N")[..6];
        var first = await OpenSurveyAsync(people: 2, series: series, change: survey => survey.CreatedAt = survey.CreatedAt.AddDays(-30));
        var second = await OpenSurveyAsync(people: 1, series: series);
        await AnswerAsync(first, 0, FullAnswer(first, overall: 2));
        await AnswerAsync(first, 1, FullAnswer(first, overall: 3));
        await AnswerAsync(second, 0, FullAnswer(second, overall: 5));

        var comparison = await app.WithServicesAsync(services =>
            services.GetRequiredService<SurveyResults>().CompareAsync([second.SurveyId, first.SurveyId]));
        Assert.Equal([first.SurveyId, second.SurveyId], comparison.Surveys.Select(x => x.Id));
        var overall = comparison.Rows.Single(r => r.Question == "Kokonaisarvio tilaisuudesta");
        Assert.Equal([2.5, 5.0], overall.Means.Select(m => m!.Value));

        var coordinator = await CoordinatorAsync();
        var page = await coordinator.OpenAsync($"/surveys/{second.SurveyId}/results");
        var table = page.Document.QuerySelector("#comparison")!.ParentElement!.QuerySelector("table")!;
        Assert.Contains("2,5", table.TextContent);
        Assert.Contains("5,0", table.TextContent);
    }

    [Fact]
    public async Task Deleting_an_account_erases_its_invitations_but_keeps_the_response_rate()
    {
        var s = await OpenSurveyAsync(people: 0);
        var (answered, waiting) = ($"poistuva-{Guid.NewGuid():N}@example.fi", $"odottava-{Guid.NewGuid():N}@example.fi");
        var links = await app.WithServicesAsync(services => services.GetRequiredService<ISurveyInvitations>().InviteAsync(s.SurveyId,
            [new SurveyRecipient(answered.ToUpperInvariant(), "Poistuva Henkilö", "fi"), new SurveyRecipient(waiting, "Odottava Henkilö", "fi")]));
        await Person.Open(app).SubmitValuesAsync(new Uri(links[0].Url).PathAndQuery, FullAnswer(s));
        var users = new[] { await app.CreateUserAsync(answered, "poistuvan salasana talvella"), await app.CreateUserAsync(waiting, "odottavan salasana talvella") };

        var exported = await app.WithServicesAsync(services => services.GetServices<IPersonalDataHolder>()
            .Single(h => h.Section == "surveys").ExportAsync(users[0], default));
        Assert.Contains("Poistuva Henkil", System.Text.Json.JsonSerializer.Serialize(exported));

        await app.WithServicesAsync(async services =>
        {
            foreach (var user in users) await services.GetServices<IPersonalDataHolder>().Single(h => h.Section == "surveys").EraseAsync(user, default);
            return 0;
        });
        var summary = await app.WithServicesAsync(services => services.GetRequiredService<SurveyResults>().SummaryAsync(s.SurveyId, "fi"));
        Assert.Equal(1, summary!.Invited);
        Assert.Equal(1, summary.Responses);
        Assert.Empty(summary.NotAnswered);
        var names = await app.WithServicesAsync(services => services.GetRequiredService<YhdessaDb>().SurveyInvitations
            .Where(i => i.SurveyId == s.SurveyId).Select(i => i.Name + i.Email).ToListAsync());
        Assert.Equal([""], names);
        Assert.Equal(HttpStatusCode.NotFound, (await Person.Open(app).OpenAsync(new Uri(links[1].Url).PathAndQuery)).Status);
    }

    // ---- coordinator pages ----

    [Fact]
    public async Task A_coordinator_creates_a_survey_from_the_template_edits_questions_and_opens_it()
    {
        var coordinator = await CoordinatorAsync();
        var refused = await coordinator.SubmitAsync("/surveys/new", new() { ["Input.TitleFi"] = "" });
        Assert.Contains("Otsikko suomeksi", refused.ErrorSummary);
        // The owner is chosen from events and the network's own surveys, never typed as a code.
        var ev = EventTestData.NewEvent(EventTestData.Unique("Kevätseminaari"), DateTimeOffset.UtcNow.AddDays(20));
        await app.AddEventsAsync(ev);
        var newForm = await coordinator.OpenAsync("/surveys/new");
        Assert.Contains(newForm.Document.QuerySelectorAll("#Input_Owner option"),
            o => o.GetAttribute("value") == $"event:{ev.Id}" && o.TextContent.StartsWith(ev.TitleFi + " ("));
        Assert.Contains(newForm.Document.QuerySelectorAll("#Input_Owner option"), o => o.GetAttribute("value") == "network:" && o.TextContent == "Verkoston oma kysely");
        var forged = await coordinator.SubmitAsync("/surveys/new", new() { ["Input.TitleFi"] = "Palaute", ["Input.Owner"] = "event:999999" });
        Assert.Contains("Valitse kohde luettelosta", forged.ErrorSummary);

        var created = await coordinator.SubmitAsync("/surveys/new", new()
        {
            ["Input.TitleFi"] = "Kevätseminaarin palaute", ["Input.TitleSv"] = "Respons", ["Input.Owner"] = $"event:{ev.Id}",
        });
        Assert.Matches(@"^/surveys/\d+$", created.Path);
        Assert.Equal($"/events/{ev.Slug}", created.Document.QuerySelector("main dd a")?.GetAttribute("href"));
        var list = await coordinator.OpenAsync("/surveys");
        Assert.Contains(list.Document.QuerySelectorAll("main td a"), a => a.GetAttribute("href") == $"/events/{ev.Slug}" && a.TextContent.StartsWith(ev.TitleFi));
        Assert.DoesNotContain("event:", list.Text);
        var id = int.Parse(created.Path.Split('/')[^1]);
        Assert.Equal(5, created.Document.QuerySelectorAll("main ol > li").Length);

        // Add a single-choice question: it cannot be opened until it has options.
        var added = await coordinator.SubmitAsync(created.Path, new() { ["kind"] = "SingleChoice" }, "main form[action*=Add]");
        Assert.Matches(@"/questions/\d+$", added.Path);
        var tooFew = await coordinator.SubmitAsync(added.Path, new() { ["Input.TextFi"] = "Rooli", ["Input.OptionsFi"] = "Vain yksi" });
        Assert.Contains("vähintään kaksi vaihtoehtoa", tooFew.ErrorSummary);
        var saved = await coordinator.SubmitAsync(added.Path, new()
        {
            ["Input.TextFi"] = "Rooli", ["Input.TextEn"] = "Role", ["Input.OptionsFi"] = "Työntekijä\nEsihenkilö", ["Input.OptionsEn"] = "Worker\nManager",
        });
        Assert.Equal($"/surveys/{id}", saved.Path);

        // Move the new last question up one place and remove the first.
        var last = saved.Document.QuerySelectorAll("main ol > li").Last();
        var questionId = last.QuerySelector("input[name=questionId]")!.GetAttribute("value")!;
        await coordinator.SubmitAsync(saved.Path, new() { ["questionId"] = questionId, ["step"] = "-1" }, "main form[action*=Move]");
        var moved = await coordinator.SubmitAsync(saved.Path, [], "main form[action*=Remove]");
        var order = moved.Document.QuerySelectorAll("main ol > li strong").Select(x => x.TextContent).ToList();
        Assert.Equal(["Hyöty omalle työlleni", "Mikä toimi?", "Mitä pitäisi kehittää?", "Rooli", "Mistä aiheista toivoisit seuraavaa tilaisuutta?"], order);

        var badDate = await coordinator.SubmitAsync(moved.Path, new() { ["Input.ClosesOn"] = "huomenna" });
        Assert.Contains("Anna viimeinen vastauspäivä", badDate.ErrorSummary);
        var dated = await coordinator.SubmitAsync(moved.Path, new() { ["Input.ClosesOn"] = "2030-05-31", ["Input.IntroFi"] = "Kerro mielipiteesi." });
        Assert.Equal("2030-05-31", dated.Document.QuerySelector("#Input_ClosesOn")!.GetAttribute("value"));

        var opened = await coordinator.SubmitAsync(moved.Path, [], "main form[action*=Open]");
        Assert.Equal("Avoinna", opened.Document.QuerySelector("dl.facts dd")!.TextContent);

        var invited = await coordinator.SubmitAsync(opened.Path, new()
        {
            ["Invite.Recipients"] = "Maija Meikäläinen <maija-kevat@example.fi>\nerkki-kevat@example.fi", ["Invite.Language"] = "en",
        }, "main form[action*=Invite]");
        Assert.Contains("2", invited.Notice);
        var (link, _) = await app.LinkInLatestMailAsync("maija-kevat@example.fi");
        var form = await Person.Open(app).OpenAsync(link);
        Assert.Equal("Kevätseminaarin palaute", form.H1); // no English title: Finnish is shown
        Assert.Contains("Role", form.Text);
        Assert.Contains("Manager", form.Text);

        var badRecipient = await coordinator.SubmitAsync(opened.Path, new() { ["Invite.Recipients"] = "ei osoite", ["Invite.Language"] = "fi" }, "main form[action*=Invite]");
        Assert.Contains("ei ole sähköpostiosoite", badRecipient.ErrorSummary);
    }

    [Fact]
    public async Task A_member_cannot_open_the_survey_pages()
    {
        var s = await OpenSurveyAsync(people: 1);
        var email = $"jasen-{Guid.NewGuid():N}@example.fi";
        await app.CreateUserAsync(email, "jäsenen salasana syksyllä", Roles.Member);
        var member = await app.SignInAsync(email, "jäsenen salasana syksyllä", followRedirects: false);
        var response = await member.Client.GetAsync($"/surveys/{s.SurveyId}/results?handler=Export");
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location!.OriginalString.Contains("access-denied"));
    }
}
