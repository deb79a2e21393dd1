using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Yhdessa.Features.Needs;
using Yhdessa.Features.Needs.Answers;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Events;

namespace Yhdessa.Tests.Browser;

// SQLite only: what a page shows and does is the same on both engines, which the HTTP tests of each feature prove.
/// <summary>
/// The loop of a need in a real browser, in Finnish and in English: a member raises a need and is first offered a
/// similar one, another member supports it, the small expert team plans it, a coordinator links an event to it, the
/// event takes place and the raiser gets the mail from the real SMTP server, and the need, answered, is on "you said,
/// we did". Every page on the way passes axe.
/// </summary>
public sealed class NeedJourneyTests(SqliteBrowserApp browser) : IClassFixture<SqliteBrowserApp>
{
    private const string Password = "neljä sinistä lintua oksalla";

    private async Task<(string Email, string Id)> PersonAsync(string name, string language, string? role = null)
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        using var scope = browser.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PreferredLanguage = language, CreatedAt = DateTimeOffset.UtcNow,
        };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRolesAsync(user, role is null ? [Roles.Member] : [Roles.Member, role]);
        return (email, user.Id);
    }

    private async Task<IPage> SignedInAsync(string email, string language)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/language?to={language}&returnUrl=/");
        await page.SignInAsync(email, Password);
        return page;
    }

    private async Task WithDbAsync(Func<YhdessaDb, Task> work)
    {
        using var scope = browser.Services.CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<YhdessaDb>());
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("en")]
    public async Task A_need_is_raised_supported_planned_answered_by_an_event_and_shown_as_done(string language)
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        // A need like the coming one is already there, so the form offers it first.
        var (_, earlierId) = await PersonAsync("Aiempi Kertoja", language);
        using (var scope = browser.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<NeedCatalogue>().RaiseAsync(new Need
            {
                Kind = NeedKind.Training, Title = $"Koulutusta päihdetyöstä asumisneuvojille {marker}", Description = "Aiempi", RaisedById = earlierId,
            }, [], default);

        var (raiserEmail, _) = await PersonAsync("Tarpeen Kertoja", language);
        var raiser = await SignedInAsync(raiserEmail, language);
        await raiser.GotoAsync("/needs");
        await Axe.AssertNoViolationsAsync(raiser);
        await raiser.Locator("main a.button[href='/needs/new']").ClickAsync();
        await raiser.Locator("#kind-Training").CheckAsync();
        var title = $"Päihdetyön koulutus asumisneuvojille {marker}";
        await raiser.Locator("#Input_Title").FillAsync(title);
        await raiser.Locator("#Input_Description").FillAsync("Asumisneuvojat kohtaavat päihteitä käyttäviä asukkaita.");
        await Axe.AssertNoViolationsAsync(raiser);
        await raiser.Locator("main form button.primary[type=submit]").ClickAsync();
        await Assertions.Expect(raiser.Locator("#similar")).ToContainTextAsync(marker);
        await Axe.AssertNoViolationsAsync(raiser);
        await raiser.Locator("main form button.primary[type=submit]").ClickAsync();
        await raiser.WaitForAddressAsync(url => !url.Contains("/needs/new"));
        Assert.Equal(title, (await raiser.Locator("h1").TextContentAsync())?.Trim());
        await Axe.AssertNoViolationsAsync(raiser);
        var needPath = new Uri(raiser.Url).AbsolutePath;

        var (supporterEmail, _) = await PersonAsync("Tukeva Jäsen", language);
        var supporter = await SignedInAsync(supporterEmail, language);
        await supporter.GotoAsync(needPath);
        await supporter.Locator("#Comment").FillAsync("Meillä sama tarve.");
        await supporter.Locator("form[action*='handler=Support'] button").ClickAsync();
        await Assertions.Expect(supporter.Locator("main")).ToContainTextAsync(language == "fi" ? "2 tukijaa" : "2 supporters");
        await Axe.AssertNoViolationsAsync(supporter);

        // The small expert team plans the need.
        var (teamEmail, teamId) = await PersonAsync("Tiimin Jäsen", language);
        await WithDbAsync(async db =>
        {
            var team = await db.Groups.FirstOrDefaultAsync(g => g.Kind == GroupKind.SmallExpertTeam);
            if (team is null)
            {
                db.Groups.Add(team = new Group { Slug = "pieni-tiimi-" + marker, NameFi = "Pieni asiantuntijatiimi", Kind = GroupKind.SmallExpertTeam });
                await db.SaveChangesAsync();
            }
            db.GroupMemberships.Add(new GroupMembership { GroupId = team.Id, UserId = teamId, Status = MembershipStatus.Member });
            await db.SaveChangesAsync();
        });
        var team = await SignedInAsync(teamEmail, language);
        await team.GotoAsync(needPath);
        await Axe.AssertNoViolationsAsync(team);
        await team.Locator("#to-Planned").CheckAsync();
        await team.Locator("form[action*='handler=Move'] button").ClickAsync();
        await Assertions.Expect(team.Locator("dl.facts")).ToContainTextAsync(language == "fi" ? "Suunniteltu" : "Planned");

        // A coordinator links the event that answers it; the event has taken place.
        var eventTitle = EventTestData.Unique("Päihdetyön iltapäivä");
        await WithDbAsync(async db =>
        {
            db.Events.Add(EventTestData.NewEvent(eventTitle, DateTimeOffset.UtcNow.AddDays(-1)));
            await db.SaveChangesAsync();
        });
        var (coordinatorEmail, _) = await PersonAsync("Koordinaattori", language, Roles.Coordinator);
        var coordinator = await SignedInAsync(coordinatorEmail, language);
        await coordinator.GotoAsync(needPath);
        await coordinator.Locator("#answer-kind").SelectOptionAsync("event");
        await coordinator.Locator("#answer-words").FillAsync(eventTitle);
        await coordinator.Locator("form[action$='#link-answers'] button").ClickAsync();
        await Axe.AssertNoViolationsAsync(coordinator);
        await coordinator.Locator("form[action*='handler=LinkAnswer'] button").First.ClickAsync();
        await Assertions.Expect(coordinator.Locator("#answers-heading")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(coordinator);

        using (var scope = browser.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<EventsHeldJob>().RunAsync(default);
        // The raiser heard first that the need was planned; then that its event took place.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!browser.Inbox.MessagesTo(raiserEmail).Any(m => (m.TextBody ?? "").Contains(eventTitle)) && DateTime.UtcNow < deadline) await Task.Delay(200);
        var mail = Assert.Single(browser.Inbox.MessagesTo(raiserEmail), m => (m.TextBody ?? "").Contains(eventTitle));
        Assert.Contains(title, mail.Subject);

        await team.GotoAsync(needPath);
        await team.Locator("#to-InProgress").CheckAsync();
        await team.Locator("form[action*='handler=Move'] button").ClickAsync();
        await team.Locator("#to-Answered").CheckAsync();
        await team.Locator("form[action*='handler=Move'] button").ClickAsync();
        await Assertions.Expect(team.Locator("dl.facts")).ToContainTextAsync(language == "fi" ? "Vastattu" : "Answered");

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync($"/language?to={language}&returnUrl=/needs/answered");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync(title);
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync(eventTitle);
        await Axe.AssertNoViolationsAsync(visitor);
    }

    [Theory]
    [InlineData("sv")] // Finnish and English: the journey above.
    public async Task A_visitor_raises_a_need_confirms_it_from_her_mail_and_the_team_adds_event_feedback_to_it(string language)
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        var address = $"kavija-{marker}@example.org";
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync($"/language?to={language}&returnUrl=/needs/new");
        await visitor.Locator("#kind-WeakSignal").CheckAsync();
        var title = $"Yöpaikat täynnä pakkasilla {marker}";
        await visitor.Locator("#Input_Title").FillAsync(title);
        await visitor.Locator("#Input_Description").FillAsync("Yöpaikoista on käännytetty ihmisiä pois.");
        await visitor.Locator("#Input_Email").FillAsync(address);
        await Axe.AssertNoViolationsAsync(visitor);
        await visitor.Locator("main form button.primary[type=submit]").ClickAsync();
        if (await visitor.Locator("#similar").CountAsync() > 0) await visitor.Locator("main form button.primary[type=submit]").ClickAsync();
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync(address);
        await Axe.AssertNoViolationsAsync(visitor);

        // The mail from the real SMTP server, in her language; its HTML part passes axe too.
        var message = await browser.Inbox.WaitForMessageTo(address, TimeSpan.FromSeconds(15));
        Assert.Equal(language == "fi" ? "Vahvista tarpeesi" : "Bekräfta ditt behov", message.Subject);
        var mail = await visitor.Context.NewPageAsync();
        await mail.SetContentAsync(Assert.IsType<string>(message.HtmlBody));
        Assert.Equal(language, await mail.Locator("html").GetAttributeAsync("lang"));
        await Axe.AssertNoViolationsAsync(mail);
        await mail.CloseAsync();
        var link = Assert.Single(SmtpInbox.LinksIn(message));
        Assert.StartsWith("/needs/confirm/", link.AbsolutePath);
        await visitor.GotoAsync(link.ToString());
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync(title);
        await Axe.AssertNoViolationsAsync(visitor);
        await visitor.Locator("main form button.primary").ClickAsync();
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(visitor.Locator("dl.facts")).ToContainTextAsync(language == "fi" ? "Vierailija" : "Besökare");
        await Axe.AssertNoViolationsAsync(visitor);
        var needId = new Uri(visitor.Url).AbsolutePath.Split('/')[^1];

        // The team finds the same wish in an event's feedback and adds it to her need.
        var ev = EventTestData.NewEvent(EventTestData.Unique("Talvipäivä"), DateTimeOffset.UtcNow.AddDays(-3));
        await WithDbAsync(async db => { db.Events.Add(ev); await db.SaveChangesAsync(); });
        using (var scope = browser.Services.CreateScope())
        {
            var survey = await scope.ServiceProvider.GetRequiredService<Yhdessa.Features.Events.Feedback.EventFeedback>().EnsureSurveyAsync(ev, default);
            var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
            var topics = await db.SurveyQuestions.SingleAsync(q => q.SurveyId == survey.Id && q.Kind == Yhdessa.Features.Surveys.Data.QuestionKind.Topics);
            db.SurveyResponses.Add(new Yhdessa.Features.Surveys.Data.SurveyResponse
            {
                Id = Guid.NewGuid(), SurveyId = survey.Id, SubmittedOn = DateOnly.FromDateTime(DateTime.UtcNow),
                Topics = [new Yhdessa.Features.Surveys.Data.WishedTopic { Id = Guid.NewGuid(), SurveyId = survey.Id, QuestionId = topics.Id, Topic = $"Talven yöpaikat {marker}" }],
            });
            await db.SaveChangesAsync();
        }
        var (coordinatorEmail, _) = await PersonAsync("Koordinaattori", language, Roles.Coordinator);
        var coordinator = await SignedInAsync(coordinatorEmail, language);
        await coordinator.GotoAsync("/needs/plan");
        await Axe.AssertNoViolationsAsync(coordinator);
        await coordinator.Locator("main a[href='/needs/feedback']").ClickAsync();
        await Axe.AssertNoViolationsAsync(coordinator);
        await coordinator.Locator($"input[name=Chosen][aria-label*='{marker}']").CheckAsync();
        await coordinator.Locator("#AddTo").FillAsync(needId);
        await coordinator.Locator("button[formaction*='handler=AddTo']").ClickAsync();
        await Assertions.Expect(coordinator.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(coordinator.Locator("main")).ToContainTextAsync($"Talven yöpaikat {marker}");
        await Axe.AssertNoViolationsAsync(coordinator);
        await visitor.GotoAsync($"/needs/{needId}");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync(ev.TitleFi);
        await Assertions.Expect(visitor.Locator("main")).Not.ToContainTextAsync($"Talven yöpaikat {marker}");
    }
}
