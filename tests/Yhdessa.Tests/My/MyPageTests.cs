using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Features.Surveys;
using Yhdessa.Features.Surveys.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Account;
using Yhdessa.Tests.Events.Participants;
using static Yhdessa.Tests.Events.EventTestData;
using Person = Yhdessa.Tests.Support.WebBrowser;

namespace Yhdessa.Tests.My;

public sealed class MyPageOnSqlite(SqliteApp app) : MyPageTests(app), IClassFixture<SqliteApp>;
public sealed class MyPageOnPostgres(PostgresApp app) : MyPageTests(app), IClassFixture<PostgresApp>;

/// <summary>A person's own page: what she has in each feature, linked from the header, and only hers.</summary>
public abstract class MyPageTests(YhdessaApp app)
{
    private static string Heading(Person.Page page, string text) =>
        page.Document.QuerySelectorAll("main section.my-part").Single(s => s.QuerySelector("h2")!.TextContent == text).TextContent;

    private static bool HasPart(Person.Page page, string text) =>
        page.Document.QuerySelectorAll("main section.my-part h2").Any(h => h.TextContent == text);

    private Task<string> EmailOfAsync(string userId) => app.WithServicesAsync(async services =>
        (await services.GetRequiredService<UserManager<User>>().FindByIdAsync(userId))!.Email!);

    [Fact]
    public async Task A_member_finds_her_registrations_queue_places_certificates_groups_and_materials_from_the_header()
    {
        var (member, userId) = await app.PersonAsync("oma-kaikki");
        var coming = await app.EventAsync(app.Now().AddDays(10), Unique("Tuleva päivä"));
        var full = await app.EventAsync(app.Now().AddDays(12), Unique("Täysi päivä"));
        var past = await app.EventAsync(app.Now().AddDays(-5), Unique("Mennyt päivä"));
        var cancelled = await app.EventAsync(app.Now().AddDays(14), Unique("Peruttu ilmoittautuminen"));
        await app.RegisterAsync(coming, "Maija Oma", userId: userId);
        await app.RegisterAsync(full, "Joku Muu", status: RegistrationStatus.Waiting);
        await app.RegisterAsync(full, "Maija Oma", status: RegistrationStatus.Waiting, userId: userId);
        await app.RegisterAsync(past, "Maija Oma", attendance: Attendance.Attended, userId: userId);
        await app.RegisterAsync(cancelled, "Maija Oma", status: RegistrationStatus.Cancelled, userId: userId);
        var (groupName, materialTitle) = (Unique("Omien asioiden ryhmä"), Unique("Oma luonnos"));
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            var group = new Group { Slug = "oma-" + Guid.NewGuid().ToString("N")[..8], NameFi = groupName, Kind = GroupKind.Other };
            db.Groups.Add(group);
            await db.SaveChangesAsync();
            db.GroupMemberships.Add(new GroupMembership { GroupId = group.Id, UserId = userId, Status = MembershipStatus.Member, Since = DateTimeOffset.UtcNow });
            db.Materials.Add(new Material
            {
                Slug = "oma-luonnos-" + Guid.NewGuid().ToString("N")[..8], Title = materialTitle, Summary = "Tiivistelmä", Body = "Teksti",
                Status = MaterialStatus.Draft, CreatedById = userId, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                PublicationDate = new DateOnly(2026, 1, 1),
            });
            return await db.SaveChangesAsync();
        });

        var front = await member.OpenAsync("/");
        Assert.Equal("/my", front.Document.QuerySelector("header nav a[href='/my']")?.GetAttribute("href"));
        Assert.Equal("Omat sivut", front.Document.QuerySelector("header nav a[href='/my']")?.TextContent);
        var page = await member.OpenAsync("/my");
        Assert.Equal("Omat sivut", page.H1);

        var registrations = Heading(page, "Tulevat ilmoittautumiseni");
        Assert.Contains(coming.TitleFi, registrations);
        Assert.Contains("Vahvistettu", registrations);
        Assert.Contains(full.TitleFi, registrations);
        Assert.Contains("Jonossa (sija 2)", registrations);
        Assert.DoesNotContain(past.TitleFi, registrations);
        Assert.DoesNotContain(cancelled.TitleFi, registrations);
        Assert.NotNull(page.Document.QuerySelector("main a[href='/events/my']"));

        Assert.Contains(past.TitleFi, Heading(page, "Osallistumistodistukseni"));
        Assert.NotNull(page.Document.QuerySelector($"main a[href='/events/{past.Slug}/certificate']"));
        Assert.NotNull(page.Document.QuerySelector("main a[href='/events/certificates']"));
        Assert.Contains(groupName, Heading(page, "Ryhmäni"));
        Assert.Contains("Jäsen", Heading(page, "Ryhmäni"));
        Assert.Contains(materialTitle, Heading(page, "Omat aineistoni"));
        Assert.Contains("luonnos", Heading(page, "Omat aineistoni"));
        Assert.NotNull(page.Document.QuerySelector("main a[href='/account']"));
        // Nothing waits for her answer, and she is not on the small expert team: those parts are not there at all.
        Assert.False(HasPart(page, "Odottaa vastaustasi"));
        Assert.False(HasPart(page, "Tapahtumien palautteet"));
    }

    [Fact]
    public async Task Someone_with_nothing_yet_is_told_what_she_can_do_and_sees_no_one_elses_things()
    {
        var (other, otherId) = await app.PersonAsync("oma-toinen");
        var ev = await app.EventAsync(app.Now().AddDays(3), Unique("Toisen tapahtuma"));
        await app.RegisterAsync(ev, "Toinen Ihminen", userId: otherId);
        var newcomer = await app.SignedInAsync("oma-uusi-" + Guid.NewGuid().ToString("N")[..6]);

        var page = await newcomer.OpenAsync("/my");
        Assert.DoesNotContain(ev.TitleFi, page.Text);
        Assert.Contains("Sinulla ei ole tulevia ilmoittautumisia.", Heading(page, "Tulevat ilmoittautumiseni"));
        Assert.Contains("Et ole vielä minkään ryhmän jäsen.", Heading(page, "Ryhmäni"));
        Assert.NotNull(page.Document.QuerySelector("main a[href='/materials/new']"));

        Assert.StartsWith("/account/sign-in", (await Person.Open(app).OpenAsync("/my")).Path);
    }

    [Fact]
    public async Task A_survey_waiting_for_her_answer_opens_from_her_page_and_her_old_link_stops_working()
    {
        var (member, userId) = await app.PersonAsync("oma-kysely");
        var email = await EmailOfAsync(userId);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (mine, answered, closed, othersOnly) = await app.WithServicesAsync(async services =>
        {
            var surveys = services.GetRequiredService<SurveyService>();
            var invitations = services.GetRequiredService<ISurveyInvitations>();
            async Task<(int Id, string Link)> OpenAsync(string title, SurveyStatus status, string to)
            {
                var survey = await surveys.CreateFromTemplateAsync("event", title, null, title, title + " sv", title + " en");
                survey.Status = status;
                survey.ClosesOn = new DateOnly(2099, 6, 30);
                await services.GetRequiredService<YhdessaDb>().SaveChangesAsync();
                return (survey.Id, (await invitations.InviteAsync(survey.Id, [new SurveyRecipient(to, "Maija", "fi")])).Single().Url);
            }
            // Her address in other letters than in her account: the same person.
            return (await OpenAsync("Palaute odottaa " + tag, SurveyStatus.Open, email.ToUpperInvariant()),
                await OpenAsync("Palaute annettu " + tag, SurveyStatus.Open, email),
                await OpenAsync("Palaute suljettu " + tag, SurveyStatus.Closed, email),
                await OpenAsync("Palaute toiselle " + tag, SurveyStatus.Open, $"toinen-{tag}@example.fi"));
        });
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            var invitation = db.SurveyInvitations.Single(i => i.SurveyId == answered.Id);
            invitation.AnsweredOn = new DateOnly(2026, 1, 1);
            return await db.SaveChangesAsync();
        });

        var page = await member.OpenAsync("/my");
        var waiting = Heading(page, "Odottaa vastaustasi");
        Assert.Contains("Palaute odottaa " + tag, waiting);
        Assert.Contains("Vastaa viimeistään 30.6.2099", waiting);
        Assert.DoesNotContain("Palaute annettu", waiting);
        Assert.DoesNotContain("Palaute suljettu", waiting);
        Assert.DoesNotContain("Palaute toiselle", waiting);

        Assert.NotNull(page.Document.QuerySelector($"main form[action='/surveys/{mine.Id}/mine'] button"));
        var answerPath = await PostFromMyPageAsync(member, $"/surveys/{mine.Id}/mine");
        Assert.StartsWith("/surveys/answer/", answerPath);
        Assert.NotEqual(new Uri(mine.Link).AbsolutePath, answerPath);
        Assert.Equal("Palaute odottaa " + tag, (await Person.Open(app).OpenAsync(answerPath)).H1);
        // Only one link is live at a time: the emailed one no longer opens the form.
        Assert.Null((await Person.Open(app).OpenAsync(new Uri(mine.Link).PathAndQuery)).Document.QuerySelector("main form"));

        // Another person's survey, and one she answered, cannot be opened by their numbers: she is back on her page.
        Assert.Equal("/my", await PostFromMyPageAsync(member, $"/surveys/{othersOnly.Id}/mine"));
        Assert.Equal("/my", await PostFromMyPageAsync(member, $"/surveys/{answered.Id}/mine"));
        Assert.NotNull((await Person.Open(app).OpenAsync(new Uri(othersOnly.Link).PathAndQuery)).Document.QuerySelector("main form"));
    }

    /// <summary>Sends a form from her page (as its button does) and returns where the answer leads.</summary>
    private static async Task<string> PostFromMyPageAsync(Person person, string action)
    {
        var token = (await person.GetAsync("/my")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await person.Client.PostAsync(action, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task The_small_expert_team_and_coordinators_find_the_event_feedback_results_there()
    {
        var coordinator = await app.CoordinatorAsync();
        Assert.NotNull((await coordinator.OpenAsync("/my")).Document.QuerySelector("main section.my-part a[href='/events/feedback']"));

        var (expert, expertId) = await app.PersonAsync("oma-asiantuntija");
        Assert.False(HasPart(await expert.OpenAsync("/my"), "Tapahtumien palautteet"));
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<YhdessaDb>();
            var team = new Group { Slug = "tiimi-" + Guid.NewGuid().ToString("N")[..8], NameFi = "Pieni asiantuntijatiimi", Kind = GroupKind.SmallExpertTeam };
            db.Groups.Add(team);
            await db.SaveChangesAsync();
            db.GroupMemberships.Add(new GroupMembership { GroupId = team.Id, UserId = expertId, Status = MembershipStatus.Member, Since = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var page = await expert.OpenAsync("/my");
        Assert.NotNull(page.Document.QuerySelector("main a[href='/events/feedback']"));
        Assert.Equal("Tapahtumien palautteet", (await expert.OpenAsync("/events/feedback")).H1);
    }

    [Fact]
    public async Task The_page_speaks_the_readers_language()
    {
        var member = await app.SignedInAsync("oma-kieli");
        await member.OpenAsync("/language?to=sv&returnUrl=/");
        var page = await member.OpenAsync("/my");
        Assert.Equal("Mina sidor", page.H1);
        Assert.True(HasPart(page, "Mina kommande anmälningar"));
        Assert.True(HasPart(page, "Mina grupper"));
        await member.OpenAsync("/language?to=en&returnUrl=/");
        Assert.Equal("My page", (await member.OpenAsync("/my")).H1);
    }
}
