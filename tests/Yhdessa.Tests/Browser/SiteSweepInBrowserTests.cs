using Microsoft.Playwright;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Tests.Browser;

/// <summary>
/// The whole demo site as each role finds it: a visitor, a member, a reporter and a coordinator each follow the links
/// from the front page (<see cref="SiteCrawl"/>). It fails on
/// <list type="bullet">
/// <item>a page a role may open that no link leads to (a page only an address typed by hand reaches is not found);</item>
/// <item>a page of a record (an event, a stay) that no role reached by links;</item>
/// <item>a page, as any role, that is not in the role's language or does not name itself in one heading;</item>
/// <item>a page that needs sideways scrolling on a 320 px screen (WCAG 1.4.10 Reflow), or that axe-core finds fault with
/// (WCAG 2.1 A and AA): every page reached is opened in Chromium at 320 px once, as the most privileged role that
/// reached it (whose page has the most on it), half of them in Swedish and half in English (the walk of every page does
/// Finnish). Tables may scroll in their own frame; the page may not.</item>
/// </list>
/// A new page is in the sweep without being listed anywhere.
/// </summary>
[RunsLong(90)]
public sealed class SiteSweepInBrowserTests(DemoBrowserApp browser) : IClassFixture<DemoBrowserApp>
{
    /// <summary>Pages that are reached from an email or by sending a form, never by a link, and why.</summary>
    private static readonly Dictionary<string, string> NotByLinks = new()
    {
        ["/account/check-email"] = "shown after the sign-up form is sent",
        ["/account/confirm-email"] = "opened from the confirmation email",
        ["/account/confirm-email-change"] = "opened from the email sent to the new address",
        ["/account/reset-password"] = "opened from the reset email",
        ["/account/sign-in/two-factor"] = "the second step of signing in",
        ["/account/sign-in/recovery-code"] = "the second step of signing in, with a recovery code",
        ["/account/sign-out"] = "the header's sign-out button sends a form",
        ["/surveys/answer/thanks"] = "shown after an answer is sent",
        ["/surveys/answer/{token}"] = "opened from the invitation email or from one's own page by a button",
        ["/surveys/{id}/mine"] = "a button on one's own page sends a form there",
        ["/events/registration/{token}"] = "opened from the registration email and from one's own registrations",
        ["/events/{key}/certificate/{token}"] = "a guest's certificate, opened from the thank-you email",
        ["/monitoring/two-factor"] = "where monitoring sends a reporter without two-step sign-in",
        ["/events/certificate/{token}"] = "a guest's certificate, opened from the thank-you email",
        ["/needs/stop/{token}"] = "opened from the link in a need's email",
        ["/needs/confirm/{token}"] = "opened from the email that confirms a visitor's need",
        ["/newsletter/confirm/{token}"] = "opened from the email that confirms a subscription",
        ["/newsletter/unsubscribe/{token}"] = "opened from the link in every newsletter",
        ["/newsletter/preferences/{token}"] = "opened from the link in every newsletter, and from a subscriber's /newsletter",
        ["/workspaces/join/{token}"] = "opened from the email that invites a person to a workspace",
        ["/workspaces/calendar/{token}"] = "a year clock's secret feed address, copied into a calendar program",
        ["/error"] = "shown when something fails",
        ["/error/{status}"] = "shown when a page is not found or refused",
        ["/account/access-denied"] = "shown when a page is refused",
    };

    /// <summary>Pages for people who are not signed in: a signed-in person has no link to them, and needs none.</summary>
    private static readonly HashSet<string> ForVisitors = ["/account/sign-in", "/account/sign-up", "/account/forgot-password"];

    /// <summary>The demo's people, least privileged first, each in the language their pages are crawled in.</summary>
    private static readonly (string? Who, string Language)[] People =
        [(null, "sv"), (DemoAccounts.Member, "fi"), (DemoAccounts.Reporter, "en"), (DemoAccounts.Coordinator, "sv")];

    /// <summary>The languages the pages are opened in, each for its share of the routes in order: the walk of every page
    /// checks them all in Finnish, so the sweep gives Swedish and English, the languages of the longest and of other
    /// words, half of the site each.</summary>
    private static readonly string[] BrowserLanguages = ["sv", "en"];

    [Fact]
    public async Task Every_page_is_reached_by_links_as_each_role_reads_in_its_language_and_passes_axe_at_320_px()
    {
        var site = new SiteCrawl(browser.Services);
        var problems = new List<string>();
        var reachedBy = new Dictionary<string, (IPage Page, string Url)>();
        var reachedByAnyone = new HashSet<string>();
        foreach (var (who, language) in People)
        {
            var page = await browser.NewPageAsync(width: 320, height: 640);
            await page.GotoAsync($"/language?to={language}&returnUrl=/");
            if (who is not null)
            {
                var key = who is DemoAccounts.Reporter or DemoAccounts.Coordinator ? await SiteCrawl.TwoStepAsync(browser.Services, who) : null;
                await page.SignInAsync(who, BrowserSignIn.DemoPassword, key);
            }
            // The crawl goes over HTTP with the tab's cookies, straight to the app: through the browser's own requests it
            // cost a process hop a page.
            var cookies = new System.Net.CookieContainer();
            foreach (var cookie in await page.Context.CookiesAsync())
                cookies.Add(browser.BaseAddress, new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path));
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = browser.BaseAddress };
            var fetch = SiteCrawl.Through(client);
            Task<SiteCrawl.Fetched> FetchAsync(string url) => fetch(url);
            var reached = await site.CrawlAsync(FetchAsync, (route, url, document) =>
            {
                if (document.DocumentElement.GetAttribute("lang") != language)
                    problems.Add($"{who ?? "visitor"}: {url} is not in {language}");
                if (document.QuerySelectorAll("h1") is not [{ } heading] || string.IsNullOrWhiteSpace(heading.TextContent))
                    problems.Add($"{who ?? "visitor"}: {url} does not name itself in one heading");
            });
            // A later, more privileged role replaces an earlier one: its page of the route is opened below.
            foreach (var (route, at) in reached.Where(r => r.Value.IsHtml)) reachedBy[route] = (page, at.Url);
            reachedByAnyone.UnionWith(reached.Keys);

            // A page without parameters that the role may open, but that no link led to.
            foreach (var route in site.Routes.Where(r => !r.HasParameters && !reached.ContainsKey(r.Template) && !NotByLinks.ContainsKey(r.Template)
                && (who is null || !ForVisitors.Contains(r.Template))))
            {
                var opened = await FetchAsync(route.Template);
                if (opened.Status == 200 && opened.Path == route.Template)
                    problems.Add($"{who ?? "visitor"} may open {route.Template}, but no link leads there");
            }
            if (who is null) Assert.True(reached.Count > 15, $"a visitor reached only {reached.Count} pages");
        }
        // A page of a record (an event, a group) that no role reached by links.
        problems.AddRange(site.Routes.Where(r => r.HasParameters && !reachedByAnyone.Contains(r.Template) && !NotByLinks.ContainsKey(r.Template))
            .Select(r => $"no link leads to any {r.Template}"));

        var inOrder = reachedBy.OrderBy(r => r.Key).ToList();
        var languageOf = new Dictionary<IPage, string>();
        for (var i = 0; i < inOrder.Count; i++)
        {
            var (route, (page, url)) = inOrder[i];
            var language = BrowserLanguages[i * BrowserLanguages.Length / inOrder.Count];
            if (languageOf.GetValueOrDefault(page) != language)
            {
                await page.GotoAsync($"/language?to={language}&returnUrl=/");
                languageOf[page] = language;
            }
            await page.GotoAsync(url);
            if (await TooWideAsync(page) is { } tooWide) problems.Add($"{route} ({url}) at 320 px: {tooWide}");
            try { await Axe.AssertNoViolationsAsync(page); }
            catch (Xunit.Sdk.XunitException e) { problems.Add(e.Message); }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Null when the page fits; else how wide it is and the elements that stick out, so a failure says what to fix.</summary>
    private static async Task<string?> TooWideAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (widths[0] <= widths[1]) return null;
        var tooWide = await page.EvaluateAsync<string[]>("""
            () => [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth)
                .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= document.documentElement.clientWidth)
                .slice(0, 5)
                .map(e => `<${e.tagName.toLowerCase()} class="${e.className}"> ${e.textContent.trim().slice(0, 40)}`)
            """);
        return $"{widths[0]} px in a {widths[1]} px window; sticking out: {string.Join("; ", tooWide)}";
    }
}
