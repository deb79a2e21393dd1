using System.Text;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Yhdessa.Features.Materials.Files;
using Yhdessa.Features.Network.Data;
using Yhdessa.Features.Workspaces;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Tests.Browser;

// SQLite only: what a page shows and does is the same on both engines, which the HTTP tests of each feature prove.
/// <summary>
/// A multi-organisation project in a real browser, in Finnish and then in English: a coordinator creates it, its lead
/// invites a member of another organisation, who signs up from the invitation mail; they hold a meeting with an agenda
/// and a memo; her action is reminded by mail from the real SMTP server and she marks it done; her sub-project's work
/// report gives the goal tree its measured value; a budget is entered and a CSV of actual costs imported; the funder's
/// workbook is downloaded and opened; a document is published to the material bank and found by a Finnish search.
/// Every page on the way passes axe.
/// </summary>
public sealed class ProjectJourneyTests(SqliteBrowserApp browser) : IClassFixture<SqliteBrowserApp>
{
    private const string Password = "viisi vihreää kirjaa hyllyllä";

    private async Task<(string Email, string Id)> PersonAsync(string name, string language, string? role = null)
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        using var scope = browser.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PreferredLanguage = language, CreatedAt = DateTimeOffset.UtcNow };
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

    private async Task<T> WithDbAsync<T>(Func<YhdessaDb, Task<T>> work)
    {
        using var scope = browser.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<YhdessaDb>());
    }

    private Task<int> OrganisationAsync(string name) => WithDbAsync(async db =>
    {
        var organisation = new Organisation { Slug = "org-" + Guid.NewGuid().ToString("N")[..10], Sector = Sector.Ngo, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        organisation.SetNames(name, null, null);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    });

    private static async Task SubmitAsync(ILocator form)
    {
        await form.Locator("button[type=submit]").Last.ClickAsync();
        await form.Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("en")]
    public async Task A_project_runs_from_its_creation_to_the_funders_report_and_a_published_model(string language)
    {
        var fi = language == "fi";
        var marker = Guid.NewGuid().ToString("N")[..6];
        var (coordinatorEmail, _) = await PersonAsync("Kaisa Koordinaattori", language, Roles.Coordinator);
        var (leadEmail, _) = await PersonAsync("Hanna Hankevetäjä", language);
        var leadOrganisation = await OrganisationAsync("Asumisen tuki ry " + marker);
        var otherOrganisation = await OrganisationAsync("Päihdetyön säätiö " + marker);

        // A coordinator creates the project and names its lead.
        var coordinator = await SignedInAsync(coordinatorEmail, language);
        await coordinator.GotoAsync("/workspaces/new");
        await Axe.AssertNoViolationsAsync(coordinator);
        var name = "Naiset asumisen polulla " + marker;
        await coordinator.Locator("#Input_Name").FillAsync(name);
        await coordinator.Locator("#Input_Purpose").FillAsync("Yhteinen hanke naisten asunnottomuuden poistamiseksi.");
        await coordinator.Locator("input[name='Input.Method'][value='Project']").CheckAsync();
        await coordinator.Locator("input[name='Input.Status'][value='Active']").CheckAsync();
        await coordinator.Locator("#Leads").FillAsync(leadEmail);
        await SubmitAsync(coordinator.Locator("main form"));
        await coordinator.WaitForURLAsync("**/people");
        var slug = new Uri(coordinator.Url).AbsolutePath.Split('/')[2];
        await Axe.AssertNoViolationsAsync(coordinator);

        // The lead invites a member of another organisation, who has no account yet.
        var lead = await SignedInAsync(leadEmail, language);
        await lead.GotoAsync($"/workspaces/{slug}/people");
        var newcomerEmail = $"uusi-{marker}@example.org";
        await lead.Locator("#Email").FillAsync(newcomerEmail);
        await lead.Locator("#Role").SelectOptionAsync("Member");
        await lead.Locator("#Organisation").SelectOptionAsync(otherOrganisation.ToString());
        await SubmitAsync(lead.Locator("form[action*='handler=Invite']"));
        await Assertions.Expect(lead.Locator("#invitations-title")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(lead);

        // She signs up from the mail and accepts the invitation waiting for her.
        var invitation = await browser.Inbox.WaitForMessageTo(newcomerEmail, TimeSpan.FromSeconds(15));
        var join = Assert.Single(SmtpInbox.LinksIn(invitation), l => l.AbsolutePath.StartsWith("/workspaces/join/"));
        var newcomer = await browser.NewPageAsync();
        await newcomer.GotoAsync($"/language?to={language}&returnUrl={Uri.EscapeDataString(join.PathAndQuery)}");
        await Assertions.Expect(newcomer.Locator("main")).ToContainTextAsync(name);
        await Axe.AssertNoViolationsAsync(newcomer);
        await newcomer.Locator("main a[href='/account/sign-up']").ClickAsync();
        await newcomer.Locator("#Input_DisplayName").FillAsync("Noora Uusi");
        await newcomer.Locator("#Input_Email").FillAsync(newcomerEmail);
        await newcomer.Locator("#Input_Password").FillAsync(Password);
        await newcomer.Locator("#Input_PreferredLanguage").SelectOptionAsync(language);
        await SubmitAsync(newcomer.Locator("main form"));
        await newcomer.WaitForURLAsync("**/account/check-email");
        var confirm = (await WaitForAsync(newcomerEmail, m => SmtpInbox.LinksIn(m).Any(l => l.AbsolutePath == "/account/confirm-email")));
        await newcomer.GotoAsync(SmtpInbox.LinksIn(confirm).First(l => l.AbsolutePath == "/account/confirm-email").ToString());
        await SubmitAsync(newcomer.Locator("main form"));
        await newcomer.WaitForURLAsync("**/account/sign-in**");
        await newcomer.Locator("#Input_Email").FillAsync(newcomerEmail);
        await newcomer.Locator("#Input_Password").FillAsync(Password);
        await newcomer.Locator("#Input_Password").PressAsync("Enter");
        await newcomer.WaitForURLAsync(url => !url.Contains("/sign-in"));
        await newcomer.GotoAsync("/workspaces");
        await Axe.AssertNoViolationsAsync(newcomer);
        await SubmitAsync(newcomer.Locator("form[action*='handler=Accept']"));
        await newcomer.GotoAsync($"/workspaces/{slug}");
        await Assertions.Expect(newcomer.Locator("h1")).ToContainTextAsync(name);
        var newcomerId = await WithDbAsync(db => db.Users.Where(u => u.Email == newcomerEmail).Select(u => u.Id).SingleAsync());

        // A meeting with an agenda, its memo and an action for her, due in two days.
        await lead.GotoAsync($"/workspaces/{slug}/meetings");
        var startsAt = DateTime.Today.AddDays(1).AddHours(9);
        await lead.Locator("#Input_Title").FillAsync("Aloituskokous");
        await lead.Locator("#Input_StartsAt").FillAsync(startsAt.ToString("yyyy-MM-ddTHH:mm"));
        await lead.Locator("#Input_EndsAt").FillAsync(startsAt.AddHours(2).ToString("yyyy-MM-ddTHH:mm"));
        await lead.Locator("#Input_Agenda").FillAsync("Avaus\nOsahankkeiden tilanne\nSeuraava kokous");
        await Axe.AssertNoViolationsAsync(lead);
        await SubmitAsync(lead.Locator("form:has(#Input_Agenda)"));
        await lead.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/meetings/\d+$"));
        await lead.Locator("textarea[name^='Notes']").First.FillAsync("Hanke käynnistyi, osahankkeet esittäytyivät.");
        await SubmitAsync(lead.Locator("form:has(textarea[name^='Notes'])"));
        var action = $"Kokoa osahankkeen tavoitteet {marker}";
        await lead.Locator("#ActionText").FillAsync(action);
        await lead.Locator("#ActionOwner").SelectOptionAsync(newcomerId);
        await lead.Locator("#ActionDue").FillAsync(DateTime.Today.AddDays(2).ToString("yyyy-MM-dd"));
        await SubmitAsync(lead.Locator("form:has(#ActionText)"));
        await Assertions.Expect(lead.Locator("main")).ToContainTextAsync(action);
        await Axe.AssertNoViolationsAsync(lead);

        using (var scope = browser.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<WorkspaceMail>().RemindDueAsync(default);
        var reminder = await WaitForAsync(newcomerEmail, m => (m.TextBody ?? "").Contains(action));
        Assert.StartsWith(fi ? "Muistutus" : "Reminder", reminder.Subject);
        await newcomer.GotoAsync("/workspaces/actions");
        await Axe.AssertNoViolationsAsync(newcomer);
        await SubmitAsync(newcomer.Locator($"li:has-text('{action}') form, tr:has-text('{action}') form").First);
        await Assertions.Expect(newcomer.Locator("main")).Not.ToContainTextAsync(action);

        // Her organisation's sub-project, the goal tree and an indicator of her sub-project's goal.
        await lead.GotoAsync($"/workspaces/{slug}/subprojects");
        await lead.Locator("#Name").FillAsync("Päihdetyön naisverkosto");
        await lead.Locator("#Organisation").SelectOptionAsync(otherOrganisation.ToString());
        await lead.Locator("#Lead").SelectOptionAsync(newcomerId);
        await SubmitAsync(lead.Locator("form:has(#Name)"));
        await Assertions.Expect(lead.Locator("main h2").First).ToContainTextAsync("Päihdetyön naisverkosto");
        await Axe.AssertNoViolationsAsync(lead);
        var subProject = await WithDbAsync(db => db.WorkspaceSubProjects.Where(s => s.Name == "Päihdetyön naisverkosto" && s.OrganisationId == otherOrganisation).Select(s => s.Id).SingleAsync());

        await lead.GotoAsync($"/workspaces/{slug}/goals");
        await lead.Locator("details:has(#goal-new-Title) > summary").ClickAsync();
        await lead.Locator("#goal-new-Title").FillAsync("Naisten asunnottomuus vähenee");
        await SubmitAsync(lead.Locator("form:has(#goal-new-Title)"));
        int Goal(string title) => WithDbAsync(db => db.WorkspaceGoals.Where(g => g.Title == title && db.Workspaces.Any(w => w.Slug == slug && w.Id == g.WorkspaceId)).Select(g => g.Id).SingleAsync()).Result;
        var main = Goal("Naisten asunnottomuus vähenee");
        await lead.Locator($"#goal-{main} ~ details > summary").ClickAsync();
        await lead.Locator($"#goal-under-{main}-Title").FillAsync("Päihdetyö tunnistaa naisten asunnottomuuden");
        await SubmitAsync(lead.Locator($"form:has(#goal-under-{main}-Title)"));
        var middle = Goal("Päihdetyö tunnistaa naisten asunnottomuuden");
        await lead.Locator($"#goal-{middle} ~ details > summary").ClickAsync();
        await lead.Locator($"#goal-under-{middle}-Title").FillAsync("Ammattilaiset koulutetaan");
        await lead.Locator($"#goal-under-{middle}-SubProject").SelectOptionAsync(subProject.ToString());
        await SubmitAsync(lead.Locator($"form:has(#goal-under-{middle}-Title)"));
        var own = Goal("Ammattilaiset koulutetaan");
        await lead.Locator($"#goal-{own} ~ details > summary").ClickAsync();
        await lead.Locator($"#ind-new-{own}-Name").FillAsync("Koulutetut ammattilaiset");
        await lead.Locator($"#ind-new-{own}-Unit").FillAsync(fi ? "henkilöä" : "people");
        await lead.Locator($"#ind-new-{own}-Target").FillAsync("200");
        await SubmitAsync(lead.Locator($"form:has(#ind-new-{own}-Name)"));
        await Axe.AssertNoViolationsAsync(lead);

        // A round of work monitoring: her report's number becomes the indicator's value.
        await lead.GotoAsync($"/workspaces/{slug}/reports");
        await lead.Locator("#Period").FillAsync("Q1/2026");
        await lead.Locator("#EndsOn").FillAsync("2026-03-31");
        await lead.Locator("#DueOn").FillAsync(DateTime.Today.AddDays(10).ToString("yyyy-MM-dd"));
        await SubmitAsync(lead.Locator("form:has(#Period)"));
        await Axe.AssertNoViolationsAsync(lead);
        await newcomer.GotoAsync($"/workspaces/{slug}/reports");
        await newcomer.Locator($"a[href$='/{subProject}']").ClickAsync();
        await Axe.AssertNoViolationsAsync(newcomer);
        await newcomer.Locator("main form textarea").First.FillAsync("Koulutimme kaksi työyhteisöä.");
        await newcomer.Locator("main form input[type=radio]").First.CheckAsync();
        await newcomer.Locator("main form input[inputmode=decimal]").FillAsync("37");
        await SubmitAsync(newcomer.Locator("main form"));
        await Assertions.Expect(newcomer.Locator("main")).ToContainTextAsync("Koulutimme kaksi työyhteisöä.");
        await lead.GotoAsync($"/workspaces/{slug}/goals");
        await Assertions.Expect(lead.Locator($"#goal-{own} ~ ul.indicators")).ToContainTextAsync("Q1/2026: 37");
        await Axe.AssertNoViolationsAsync(lead);

        // A budget, and a CSV of actual costs imported by her.
        await lead.GotoAsync($"/workspaces/{slug}/finances/{subProject}");
        await lead.Locator("#budget-new-StartsOn").FillAsync("2026-01-01");
        await lead.Locator("#budget-new-EndsOn").FillAsync("2026-12-31");
        await lead.Locator("#budget-new-Personnel").FillAsync("78 000");
        await lead.Locator("#budget-new-Travel").FillAsync("3 500,50");
        await SubmitAsync(lead.Locator("form:has(#budget-new-Personnel)"));
        await Axe.AssertNoViolationsAsync(lead);
        await newcomer.GotoAsync($"/workspaces/{slug}/finances/{subProject}");
        var csv = "Kuukausi;Kululaji;Summa;Selite\r\n1/2026;Henkilöstökulut;6 400,00;Palkat\r\n2/2026;Matkakulut;212,30;Junaliput\r\n";
        await newcomer.Locator("#CostFile").SetInputFilesAsync(new FilePayload { Name = "kulut.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await SubmitAsync(newcomer.Locator("form:has(#CostFile)"));
        await Assertions.Expect(newcomer.Locator("main")).ToContainTextAsync("Junaliput");
        await Axe.AssertNoViolationsAsync(newcomer);

        // The funder's workbook, downloaded and opened.
        await lead.GotoAsync($"/workspaces/{slug}/finances?year=2026");
        await Axe.AssertNoViolationsAsync(lead);
        var download = await lead.RunAndWaitForDownloadAsync(() => lead.Locator("a[href*='handler=Xlsx']").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        await using (var file = File.OpenRead(await download.PathAsync()))
        using (var workbook = new XLWorkbook(file))
        {
            var personnel = workbook.Worksheet(1).RowsUsed().First(r => r.Cell(1).GetString() == "Päihdetyön naisverkosto" && r.Cell(3).GetString() == (fi ? "Henkilöstökulut" : "Personnel"));
            Assert.Equal((78_000m, 6_400m, 71_600m), (personnel.Cell(4).GetValue<decimal>(), personnel.Cell(5).GetValue<decimal>(), personnel.Cell(6).GetValue<decimal>()));
        }

        // A document becomes a material of the bank and is found by a Finnish search.
        await lead.GotoAsync($"/workspaces/{slug}/documents");
        var title = $"Naiserityisen asumisneuvonnan malli {marker}";
        await lead.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = "malli.pdf", MimeType = "application/pdf", Buffer = SimplePdf.Create(title, "Malli kuvaa naisille suunnatun asumisneuvonnan vaiheet."),
        });
        await lead.Locator("#Title").FillAsync(title);
        await SubmitAsync(lead.Locator("form:has(#file)"));
        await lead.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/documents/\d+$"));
        var document = new Uri(lead.Url).AbsolutePath;
        await coordinator.GotoAsync(document);
        await coordinator.Locator("#Summary").FillAsync("Hankkeen malli naisille suunnatusta asumisneuvonnasta.");
        await SubmitAsync(coordinator.Locator("form:has(#Summary)"));
        await Axe.AssertNoViolationsAsync(coordinator);
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync($"/language?to={language}&returnUrl={Uri.EscapeDataString("/materials?q=asumisneuvonta " + marker)}");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync(title);
        await Axe.AssertNoViolationsAsync(visitor);
    }

    private async Task<MimeKit.MimeMessage> WaitForAsync(string address, Func<MimeKit.MimeMessage, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (browser.Inbox.MessagesTo(address).FirstOrDefault(match) is { } found) return found;
            await Task.Delay(200);
        }
        throw new Xunit.Sdk.XunitException($"No such mail to {address}: {string.Join(" | ", browser.Inbox.MessagesTo(address).Select(m => m.Subject))}");
    }
}
