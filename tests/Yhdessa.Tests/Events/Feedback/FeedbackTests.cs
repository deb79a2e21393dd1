using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Feedback;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Features.Surveys;
using Yhdessa.Features.Surveys.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Account;
using Yhdessa.Tests.Events.Participants;
using static Yhdessa.Tests.Events.EventTestData;
using Person = Yhdessa.Tests.Support.WebBrowser;


namespace Yhdessa.Tests.Events.Feedback;

public sealed class FeedbackOnSqlite(SqliteApp app) : FeedbackTests(app), IClassFixture<SqliteApp>;
public sealed class FeedbackOnPostgres(PostgresApp app) : FeedbackTests(app), IClassFixture<PostgresApp>;

/// <summary>Event feedback: the survey from the template, the invitations when the event ends (once), the thank-you
/// email with the certificate link, and the results for coordinators and the small expert team.</summary>
public abstract partial class FeedbackTests(YhdessaApp app)
{
    private Task<int> InviteDueAsync() =>
        app.WithServicesAsync(services => services.GetRequiredService<EventFeedback>().InviteDueAsync(default));

    private Task<int> MailCountAsync(string to) => app.WithServicesAsync(async services => (await app.MailToAsync(to)).Count);

    private static string Email(string who) => $"{who}-{Guid.NewGuid():N}@example.fi";

    [GeneratedRegex(@"https://yhdessa\.test/surveys/answer/\S+")]
    private static partial Regex AnswerLink();

    private async Task<string> AnswerPathAsync(string to)
    {
        var mail = (await app.MailToAsync(to)).Single(m => AnswerLink().IsMatch(m.TextBody));
        return new Uri(AnswerLink().Match(mail.TextBody).Value).PathAndQuery;
    }

    [Fact]
    public async Task When_the_event_ends_attendees_are_invited_once_in_their_language_and_no_shows_are_not()
    {
        var ev = await app.EventAsync(app.Now().AddHours(-2));
        var (anna, sven, pekka) = (Email("anna"), Email("sven"), Email("pekka"));
        var annaId = await app.RegisterAsync(ev, "Anna Osallistuja", attendance: Attendance.Attended, email: anna);
        await app.RegisterAsync(ev, "Sven Deltagare", attendance: Attendance.Attended, language: "sv", email: sven);
        await app.RegisterAsync(ev, "Pekka Poissa", attendance: Attendance.NoShow, email: pekka);

        // The event ends in an hour, and the invitations wait two more for attendance to be marked.
        await InviteDueAsync();
        Assert.Equal(0, await MailCountAsync(anna));
        app.Clock.Advance(TimeSpan.FromHours(3.5));
        await InviteDueAsync();

        var annaMail = await app.MailToAsync(anna);
        Assert.Equal(2, annaMail.Count);
        Assert.Contains(annaMail, m => m.Subject == $"Kiitos osallistumisesta: {ev.TitleFi}" && m.TextBody.Contains("https://yhdessa.test/events/certificate/"));
        Assert.Contains(annaMail, m => AnswerLink().IsMatch(m.TextBody));
        var svenMail = await app.MailToAsync(sven);
        Assert.Contains(svenMail, m => m.Subject == $"Tack för ditt deltagande: {ev.TitleSv}");
        Assert.Contains("culture=sv", await AnswerPathAsync(sven));
        Assert.Empty(await app.MailToAsync(pekka));

        // The certificate link in the thank-you mail works.
        var thanks = annaMail.Single(m => m.Subject.StartsWith("Kiitos"));
        var certificate = new Uri(Regex.Match(thanks.TextBody, @"https://yhdessa\.test/events/certificate/\S+").Value);
        var pdf = await Person.Open(app).Client.GetAsync(certificate.PathAndQuery);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);

        // Running again, as every app instance does every few minutes, sends nothing more.
        await InviteDueAsync();
        Assert.Equal(2, (await app.MailToAsync(anna)).Count);
        Assert.Single(await app.MailToAsync(sven), m => AnswerLink().IsMatch(m.TextBody));
        Assert.Equal(Attendance.Attended, (await app.RegistrationAsync(annaId)).Attendance);
    }

    [Fact]
    public async Task Without_any_attendance_marked_every_confirmed_participant_is_invited()
    {
        var ev = await app.EventAsync(app.Now().AddHours(-6));
        var (one, two, waiting) = (Email("yksi"), Email("kaksi"), Email("jono"));
        await app.RegisterAsync(ev, "Yksi Vahvistettu", email: one);
        await app.RegisterAsync(ev, "Kaksi Vahvistettu", email: two);
        await app.RegisterAsync(ev, "Jäi Jonoon", RegistrationStatus.Waiting, email: waiting);

        await InviteDueAsync();

        Assert.Single(await app.MailToAsync(one));
        Assert.Single(await app.MailToAsync(two));
        Assert.Empty(await app.MailToAsync(waiting));
        // No certificate for anyone not marked as attended: only the survey link is sent.
        Assert.DoesNotContain("/events/certificate/", (await app.MailToAsync(one))[0].TextBody);
    }

    [Fact]
    public async Task A_feedback_link_answers_once_and_the_second_use_is_refused()
    {
        var ev = await app.EventAsync(app.Now().AddHours(-6));
        var to = Email("vastaaja");
        await app.RegisterAsync(ev, "Vastaaja Kerran", attendance: Attendance.Attended, email: to);
        await InviteDueAsync();
        var path = await AnswerPathAsync(to);
        var survey = (await app.WithServicesAsync(s => s.GetRequiredService<EventFeedback>().FindSurveyAsync(ev.Id, default)))!;
        var questions = (await app.WithServicesAsync(s => s.GetRequiredService<SurveyService>().FindAsync(survey.Id)))!.Questions;
        Assert.Equal(["Kokonaisarvio tilaisuudesta", "Hyöty omalle työlleni", "Mikä toimi?", "Mitä pitäisi kehittää?",
            "Mistä aiheista toivoisit seuraavaa tilaisuutta?"], questions.Select(q => q.TextFi).ToArray());
        var form = new Dictionary<string, string>
        {
            [SurveyAnswering.Field(questions[0])] = "5", [SurveyAnswering.Field(questions[1])] = "4",
            [SurveyAnswering.Field(questions[2])] = "Tapausesimerkit", [SurveyAnswering.Field(questions[4])] = "Häätöjen ehkäisy",
        };

        var first = await Person.Open(app).SubmitAsync(path, form);
        Assert.Equal("/surveys/answer/thanks", first.Path);
        var again = await Person.Open(app).OpenAsync(path);
        Assert.Equal(HttpStatusCode.Gone, again.Status);
        Assert.Null(again.Document.QuerySelector("main form"));
        Assert.Equal(1, await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().SurveyResponses.CountAsync(r => r.SurveyId == survey.Id)));
        // The wished topic is kept as a row of its own, ready to become a need.
        Assert.Equal("Häätöjen ehkäisy", await app.WithServicesAsync(s =>
            s.GetRequiredService<YhdessaDb>().WishedTopics.Where(t => t.SurveyId == survey.Id).Select(t => t.Topic).SingleAsync()));
    }

    [Fact]
    public async Task The_coordinator_prepares_the_survey_from_the_template_and_edits_it_before_it_is_sent()
    {
        var ev = await app.EventAsync(app.Now().AddDays(10));
        var coordinator = await app.CoordinatorAsync();
        var participants = await coordinator.OpenAsync($"/events/{ev.Slug}/participants");
        Assert.NotNull(participants.Document.QuerySelector("form[action*='handler=PrepareFeedback']"));

        var prepared = await coordinator.PostHandlerAsync($"/events/{ev.Slug}/participants", "PrepareFeedback");
        Assert.Equal(HttpStatusCode.Redirect, prepared.Status);
        var survey = (await app.WithServicesAsync(s => s.GetRequiredService<EventFeedback>().FindSurveyAsync(ev.Id, default)))!;
        Assert.Equal(SurveyStatus.Draft, survey.Status);
        Assert.Equal($"Palaute: {ev.TitleFi}", survey.TitleFi);
        // Preparing again keeps the one survey the coordinator may already have edited.
        await coordinator.PostHandlerAsync($"/events/{ev.Slug}/participants", "PrepareFeedback");
        Assert.Single(await app.WithServicesAsync(s => s.GetRequiredService<SurveyService>().ForOwnerAsync("event", ev.Id.ToString())));

        var after = await coordinator.OpenAsync($"/events/{ev.Slug}/participants");
        Assert.NotNull(after.Document.QuerySelector($"a[href='/surveys/{survey.Id}']"));
        Assert.Contains("luonnos", after.Document.QuerySelector("section[aria-labelledby=feedback]")!.TextContent);
    }

    [Fact]
    public async Task A_survey_the_coordinator_closed_is_not_sent()
    {
        var ev = await app.EventAsync(app.Now().AddHours(-6));
        var to = Email("suljettu");
        await app.RegisterAsync(ev, "Suljetun Kyselyn", attendance: Attendance.Attended, email: to);
        await app.WithServicesAsync(async s =>
        {
            var survey = await s.GetRequiredService<EventFeedback>().EnsureSurveyAsync(ev, default);
            survey.Status = SurveyStatus.Closed;
            return await s.GetRequiredService<YhdessaDb>().SaveChangesAsync();
        });

        await InviteDueAsync();

        Assert.Empty(await app.MailToAsync(to));
    }

    // ---- results ----

    /// <summary>A member of the small expert team, signed in.</summary>
    private async Task<Person> TeamMemberAsync()
    {
        var (browser, userId) = await app.PersonAsync("pieni-tiimi");
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            var team = await db.Groups.FirstOrDefaultAsync(g => g.Slug == "pieni-asiantuntijatiimi-testi");
            if (team is null)
            {
                team = new Yhdessa.Features.Network.Data.Group
                {
                    Slug = "pieni-asiantuntijatiimi-testi", NameFi = "Pieni asiantuntijatiimi", DescriptionFi = "Suunnittelee tilaisuudet",
                    Kind = GroupKind.SmallExpertTeam, Joining = Joining.ByApproval, Visibility = MembershipVisibility.GroupMembers,
                    CreatedAt = DateTimeOffset.UtcNow,
                };
                db.Groups.Add(team);
                await db.SaveChangesAsync();
            }
            if (!await db.GroupMemberships.AnyAsync(m => m.GroupId == team.Id && m.UserId == userId))
                db.GroupMemberships.Add(new GroupMembership { GroupId = team.Id, UserId = userId, Status = MembershipStatus.Member, Since = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        return browser;
    }

    /// <summary>An ended event whose three attendees were invited and two answered.</summary>
    private async Task<(Event Event, int SurveyId)> AnsweredEventAsync()
    {
        var ev = await app.EventAsync(app.Now().AddHours(-6));
        var people = new[] { Email("a"), Email("b"), Email("c") };
        for (var i = 0; i < people.Length; i++)
            await app.RegisterAsync(ev, $"Palautteen Antaja {i + 1}", attendance: Attendance.Attended, email: people[i]);
        await InviteDueAsync();
        var survey = (await app.WithServicesAsync(s => s.GetRequiredService<EventFeedback>().FindSurveyAsync(ev.Id, default)))!;
        var questions = (await app.WithServicesAsync(s => s.GetRequiredService<SurveyService>().FindAsync(survey.Id)))!.Questions;
        foreach (var (to, overall, comment) in new[] { (people[0], "5", "Hyvät esimerkit"), (people[1], "3", "=Liian lyhyt") })
            await Person.Open(app).SubmitAsync(await AnswerPathAsync(to), new()
            {
                [SurveyAnswering.Field(questions[0])] = overall, [SurveyAnswering.Field(questions[1])] = "4",
                [SurveyAnswering.Field(questions[2])] = comment,
            });
        return (ev, survey.Id);
    }

    [Fact]
    public async Task The_small_expert_team_reads_the_results_with_rate_who_has_not_answered_charts_tables_and_comments()
    {
        var (ev, _) = await AnsweredEventAsync();
        var team = await TeamMemberAsync();

        var list = await team.OpenAsync("/events/feedback");
        Assert.Equal("Tapahtumien palautteet", list.H1);
        Assert.NotNull(list.Document.QuerySelector($"a[href='/events/{ev.Slug}/feedback']"));

        var page = await team.OpenAsync($"/events/{ev.Slug}/feedback");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"Palaute: {ev.TitleFi}", page.H1);
        var facts = page.Document.QuerySelector("dl.facts")!.TextContent;
        Assert.Contains("2", facts);
        Assert.Contains("67", facts);
        Assert.Contains("Palautteen Antaja 3", page.Text);
        Assert.NotNull(page.Document.QuerySelector("svg.bar-chart[aria-hidden=true]"));
        var overall = page.Document.QuerySelectorAll("table").First(t => t.QuerySelector("caption")!.TextContent.Contains("Kokonaisarvio"));
        Assert.Equal(["0", "0", "1", "0", "1"], overall.QuerySelectorAll("tbody td").Select(td => td.TextContent).ToArray());
        Assert.Contains("Hyvät esimerkit", page.Text);
        // The team reads; editing and reminders stay with the coordinators.
        Assert.Null(page.Document.QuerySelector("a[href^='/surveys/']"));

        var swedish = await team.OpenAsync($"/events/{ev.Slug}/feedback?culture=sv");
        Assert.StartsWith("Respons:", swedish.H1);
    }

    [Fact]
    public async Task The_team_exports_the_summary_which_is_audited_but_gets_no_other_survey()
    {
        var (ev, surveyId) = await AnsweredEventAsync();
        var team = await TeamMemberAsync();

        var export = await team.Client.GetAsync($"/events/{ev.Slug}/feedback?handler=Export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("'=Liian lyhyt", csv);
        Assert.Single(await app.AuditAsync("events.feedback.exported", "event:" + ev.Slug));

        // The survey engine's own pages stay closed to the team.
        foreach (var path in new[] { $"/surveys/{surveyId}/results", $"/surveys/{surveyId}", "/surveys" })
        {
            var response = await team.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("access-denied") == true,
                $"{path} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_member_outside_the_team_may_not_read_feedback_results()
    {
        var (ev, _) = await AnsweredEventAsync();
        var member = await app.SignedInAsync("ei-tiimissa");

        foreach (var path in new[] { "/events/feedback", $"/events/{ev.Slug}/feedback", $"/events/{ev.Slug}/feedback?handler=Export" })
        {
            var response = await member.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("access-denied") == true,
                $"{path} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_coordinator_sees_the_results_with_links_to_edit_and_remind_and_the_comparison_over_time()
    {
        await AnsweredEventAsync();
        var (ev, surveyId) = await AnsweredEventAsync();
        var coordinator = await app.CoordinatorAsync();

        var page = await coordinator.OpenAsync($"/events/{ev.Slug}/feedback");

        Assert.NotNull(page.Document.QuerySelector($"a[href='/surveys/{surveyId}']"));
        Assert.NotNull(page.Document.QuerySelector($"a[href='/surveys/{surveyId}/results']"));
        // Outside a series, an event's feedback is compared with the earlier events of its type (both are seminars).
        Assert.NotNull(page.Document.QuerySelector("section[aria-labelledby=comparison] table"));
    }
}
