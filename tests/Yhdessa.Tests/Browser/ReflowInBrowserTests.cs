using Microsoft.Playwright;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Tests.Browser;

/// <summary>
/// WCAG 1.4.10 Reflow: on a 320 px wide screen no page needs sideways scrolling. Every page each role reaches by
/// links (<see cref="SiteCrawl"/>) is opened in Chromium at 320 px, one address per page, in the language with the
/// longest words for that role's pages. Tables scroll inside their own frame, which is allowed; the page may not.
/// </summary>
[RunsLong(60)]
public sealed class ReflowInBrowserTests(DemoBrowserApp browser) : IClassFixture<DemoBrowserApp>
{
    [Theory]
    [InlineData(null, "sv")]
    [InlineData(DemoAccounts.Member, "fi")]
    [InlineData(DemoAccounts.Reporter, "fi")]
    [InlineData(DemoAccounts.Coordinator, "sv")]
    public async Task No_page_a_role_reaches_needs_sideways_scrolling_at_320_px(string? who, string language)
    {
        var page = await browser.NewPageAsync(width: 320, height: 640);
        await page.GotoAsync($"/language?to={language}&returnUrl=/");
        if (who is not null)
        {
            var key = who is DemoAccounts.Reporter or DemoAccounts.Coordinator ? await SiteCrawl.TwoStepAsync(browser.Services, who) : null;
            await page.SignInAsync(who, BrowserSignIn.DemoPassword, key);
        }
        var site = new SiteCrawl(browser.Services);
        var reached = await site.CrawlAsync(async url =>
        {
            var response = await page.Context.APIRequest.GetAsync(url);
            var html = response.Headers.GetValueOrDefault("content-type", "").StartsWith("text/html") ? await response.TextAsync() : null;
            return new SiteCrawl.Fetched(response.Status, new Uri(response.Url).AbsolutePath, html);
        });

        var problems = new List<string>();
        foreach (var (route, (url, _)) in reached.Where(r => r.Value.IsHtml).OrderBy(r => r.Key))
        {
            await page.GotoAsync(url);
            if (await TooWideAsync(page) is { } tooWide) problems.Add($"{route} ({url}): {tooWide}");
        }
        Assert.True(reached.Count > 15, $"only {reached.Count} pages reached");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Null when the page fits; else how wide it is and the elements that stick out, so a failure says what to fix.</summary>
    public static async Task<string?> TooWideAsync(IPage page)
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
