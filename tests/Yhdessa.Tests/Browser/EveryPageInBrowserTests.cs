using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Tests.Browser;


public sealed class DemoBrowserApp() : BrowserApp(new DemoSqliteApp());

/// <summary>
/// Every page of the site, in Finnish, checked by axe-core (WCAG 2.1 A and AA) as the person who may see
/// it, and for sideways scrolling at 1280 px: the visitor's pages signed out, the rest as the demo coordinator,
/// who may open everything, with the states of forms (errors, answers) and filters that a crawl does not reach. The
/// pages of a record (an organisation, a group, a person) are reached by following links, as a user would. Swedish and
/// English: the site sweep runs axe on every page it reaches, half of them in each (walking all of these in three
/// languages took a fifth of the suite's time).
/// SQLite only: what a page shows is the same on both engines, which the HTTP tests of each feature prove.
/// </summary>
[RunsLong(90)]
public sealed class EveryPageInBrowserTests(DemoBrowserApp browser) : IClassFixture<DemoBrowserApp>
{
    private static readonly string[] VisitorPages =
    [
        "/account/sign-in", "/account/sign-up", "/account/forgot-password", "/account/check-email", "/accessibility/feedback", "/privacy", "/api",
        "/network/organisations", "/network/organisations?q=s%C3%A4%C3%A4ti%C3%B6&sector=Ngo", "/network/groups",
        "/events", "/events?when=past", "/events?view=month", "/events?type=Training&online=true",
        "/surveys/answer/thanks",
        // Registration: a full event with its waiting list, one by approval with a cap per organisation, and one with
        // seats reserved for experts by experience (the form asks the question only there).
        "/events/tyopaja-vertaisarvioinnin-menetelmat/register",
        "/events/opintomatka-tampereelle-asumispaivystys-ja-asumisen-asiakasohjaus/register",
        "/events/valtakunnallinen-syysseminaari-asunto-ensin-2030/register",
        "/materials", "/materials?q=asunnottomuuden", "/materials?q=asumisneuvonta&type=ModelOrGuide&sort=newest",
        "/materials?q=ei-loydy-mitaan", "/materials/asumissosiaalisen-tyon-laatusuositus/versions/1",
        "/needs", "/needs?kind=Training&sort=newest", "/needs?state=Answered", "/needs/answered",
        "/news", "/news?written=sv", "/news/syysseminaarin-ilmoittautuminen-on-auki", "/newsletter?sent=true",
        "/newsletter/confirm/vanha-tai-kaytetty-linkki",
        // The archive of sent issues, the demo's first issue in both its languages.
        "/newsletter/archive", "/newsletter/archive/1/fi", "/newsletter/archive/1/sv",
        // A post in Finnish and Swedish only, read on an English page: the article says its language.
        "/news/sanoitte-teimme-perehdytys-uusille-tyontekijoille",
        // A visitor raises a need with her email address (members see the member's form below).
        "/needs/new",
        // The open statistics: StatisticsPagesInBrowserTests walks every one of them.
    ];

    private static readonly string[] CoordinatorPages =
    [
        // The front page once more, signed in: her own next registrations and surveys above the sections.
        "/", "/my", "/account", "/account/profile", "/account/email", "/account/password", "/account/two-factor",
        "/account/two-factor/enable", "/account/delete", "/network/profile",
        "/network/organisations/new", "/network/groups/new",
        "/admin", "/admin/people", "/admin/outbox", "/admin/audit", "/admin/jobs",
        "/events/new", "/events/themes", "/events/series", "/events/valtakunnallinen-syysseminaari-asunto-ensin-2030/materials",
        "/surveys", "/surveys/new", "/needs/new", "/needs/triage-groups", "/needs/plan",
        "/needs/feedback", "/needs/feedback?all=true&type=Training",
        "/news", "/news/new", "/news/luonnos-kevaan-koulutuskalenteri", "/news/syysseminaarin-ilmoittautuminen-on-auki/edit",
        "/newsletter/items", "/newsletter/items/new", "/newsletter/queue", "/newsletter/editor-groups", "/newsletter/issues",
        "/events/my", "/events/valtakunnallinen-syysseminaari-asunto-ensin-2030/registration",
        "/events/opintomatka-tampereelle-asumispaivystys-ja-asumisen-asiakasohjaus/approvals",
        "/events/feedback", "/events/certificates",
        "/materials/new", "/materials/drafts", "/materials/ehdotus-asukaskokousten-malli",
        "/materials/asumisneuvonnan-kasikirja/edit", "/materials/asumisneuvonnan-kasikirja/files", "/admin/search-index",
        "/materials/asumissosiaalisen-tyon-laatusuositus/files",
        "/monitoring/dashboards", "/monitoring/dashboards?area=m:091&type=ScatteredWithSupport",
    ];

    [Theory]
    [InlineData("fi")]
    public async Task Every_page_passes_axe_and_fits_a_desktop(string language)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/language?to={language}&returnUrl=/");

        foreach (var path in VisitorPages) await CheckAsync(page, path, language);
        await CheckFirstLinkAsync(page, "a[href^='/network/organisations/']:not([href$='/new'])", language, from: "/network/organisations");
        await CheckFirstLinkAsync(page, "a[href^='/network/people/']", language, from: "/network/organisations/y-saatio");
        await CheckFirstLinkAsync(page, "a[href^='/network/groups/']:not([href$='/new'])", language, from: "/network/groups");
        await CheckFirstLinkAsync(page, "ul.cards a[href^='/events/']", language, from: "/events");
        await CheckFirstLinkAsync(page, "ul.cards a[href^='/events/']", language, from: "/events?when=past");
        await CheckFirstLinkAsync(page, "ol.results a[href^='/materials/']", language, from: "/materials?q=asumisneuvonta");
        await CheckFirstLinkAsync(page, "ul.cards a[href^='/needs/']", language, from: "/needs");

        // A guest's registration: first with the form's errors, then the registration's own page (the waiting list).
        await page.GotoAsync("/events/tyopaja-vertaisarvioinnin-menetelmat/register");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync(".error-summary");
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#Input_Name").FillAsync("Saavutettava Vieras");
        await page.Locator("#Input_Email").FillAsync($"vieras.{language}@example.fi");
        await page.Locator("#Input_OrganisationName").FillAsync("Kuopion kaupunki");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains("/events/registration/"));
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
        // Deleting it: the confirmation step, then the confirmation that it is gone.
        await page.Locator("main a[href*='handler=Delete']").ClickAsync();
        await page.WaitForSelectorAsync("main form[action*='handler=Delete']");
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("main form[action*='handler=Delete'] button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("main .notice");
        await Axe.AssertNoViolationsAsync(page);

        // A reset request leaves a message in the outbox, which the coordinator opens below.
        await page.GotoAsync("/account/forgot-password");
        await page.Locator("input[type=email]").FillAsync(DemoAccounts.Member);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForAddressAsync(url => !url.Contains("/account/forgot-password") || url.Contains("?"));
        await Axe.AssertNoViolationsAsync(page);

        // The newsletter: the form with its errors, the answer, the mailed confirmation (and the mail itself), the
        // preferences and unsubscribing pages.
        await page.GotoAsync("/newsletter");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync(".error-summary");
        await Axe.AssertNoViolationsAsync(page);
        var subscriber = $"tilaaja.{language}.{Guid.NewGuid():N}@example.fi";
        await page.Locator("#Input_Email").FillAsync(subscriber);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains("sent=true"));
        await Axe.AssertNoViolationsAsync(page);
        var confirmation = await browser.Inbox.WaitForMessageTo(subscriber, TimeSpan.FromSeconds(15));
        var mail = await page.Context.NewPageAsync();
        await mail.SetContentAsync(Assert.IsType<string>(confirmation.HtmlBody));
        await Axe.AssertNoViolationsAsync(mail);
        await mail.CloseAsync();
        await CheckAsync(page, Assert.Single(SmtpInbox.LinksIn(confirmation)).PathAndQuery.Split('?')[0], language);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("main [role=status]");
        await Axe.AssertNoViolationsAsync(page);
        string manage;
        using (var scope = browser.Services.CreateScope())
            manage = await scope.ServiceProvider.GetRequiredService<YhdessaDb>().Subscriptions.Where(x => x.Email == subscriber)
                .Select(x => x.ManageToken).SingleAsync();
        await CheckAsync(page, $"/newsletter/preferences/{manage}", language);
        await CheckAsync(page, $"/newsletter/unsubscribe/{manage}", language);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("main [role=status]");
        await Axe.AssertNoViolationsAsync(page);
        await CheckAsync(page, $"/newsletter/preferences/{manage}", language);

        await page.SignInAsync(DemoAccounts.Coordinator, BrowserSignIn.DemoPassword);

        foreach (var path in CoordinatorPages) await CheckAsync(page, path, language);
        await CheckFirstLinkAsync(page, "a[href^='/admin/people/']", language, from: "/admin/people");
        await CheckFirstLinkAsync(page, "a[href^='/admin/outbox/']", language, from: "/admin/outbox");
        // Newsletter issues: the sent one's sending figures, the draft being composed and its two previews.
        await CheckFirstLinkAsync(page, "table a[href$='/progress']", language, from: "/newsletter/issues");
        await CheckFirstLinkAsync(page, "table a[href^='/newsletter/issues/']:not([href$='/progress'])", language, from: "/newsletter/issues");
        var draft = new Uri(page.Url).AbsolutePath;
        await CheckFirstLinkAsync(page, "a[href$='/web/fi']", language, from: draft);
        // The email preview is the Finnish email itself, a document in Finnish whatever the site's language.
        if (language == "fi") await CheckFirstLinkAsync(page, "a[href$='/preview/fi']", language, from: draft);
        await CheckFirstLinkAsync(page, "a[href$='/edit']", language, from: "/network/organisations/y-saatio");
        await CheckFirstLinkAsync(page, "a[href^='/network/groups/']:not([href$='/new'])", language, from: "/network/groups");
        // The coordinator sees the group-only Change Laboratory session too, with its edit and cancel pages.
        await CheckFirstLinkAsync(page, "ul.cards a[href^='/events/muutoslaboratorio']", language, from: "/events");
        await CheckFirstLinkAsync(page, "a[href$='/edit']", language);
        await CheckFirstLinkAsync(page, "a[href$='/cancel']", language, from: "/events/valtakunnallinen-syysseminaari-asunto-ensin-2030");
        await CheckFirstLinkAsync(page, "a[href*='/events/themes?edit=']", language, from: "/events/themes");
        // The demo surveys (the network's own) have answers and a series of two, so results show charts and the comparison.
        await CheckFirstLinkAsync(page, "a[href$='/results']", language, from: "/surveys");
        await CheckFirstLinkAsync(page, "td > a[href^='/surveys/']:not([href$='/results'])", language, from: "/surveys");
        // A past demo event: its participants with attendance marked, the door list, and its feedback results.
        await CheckFirstLinkAsync(page, "ul.cards a[href^='/events/']", language, from: "/events?when=past");
        await CheckFirstLinkAsync(page, "a[href$='/participants']", language);
        await CheckFirstLinkAsync(page, "a[href$='/check-in']", language);
        await CheckFirstLinkAsync(page, "th > a[href$='/feedback']", language, from: "/events/feedback");
    }

    private static async Task CheckAsync(IPage page, string path, string language)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, $"{path} answered {response.Status}");
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
        // No sideways scrolling on a desktop either (the site sweep checks every page at 320 px; resizing each page here
        // too cost a quarter of this walk).
        var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(sizes[0] <= sizes[1], $"{path} at 1280 px is {sizes[0]} px wide");
    }

    /// <summary>Follows the first link matching <paramref name="selector"/> (on the current page or on
    /// <paramref name="from"/>) and checks the page it leads to.</summary>
    private static async Task CheckFirstLinkAsync(IPage page, string selector, string language, string? from = null)
    {
        if (from is not null) await page.GotoAsync(from);
        var link = page.Locator($"main {selector}").First;
        var href = await link.GetAttributeAsync("href")
            ?? throw new InvalidOperationException($"No link {selector} on {page.Url}");
        await CheckAsync(page, href, language);
    }
}
