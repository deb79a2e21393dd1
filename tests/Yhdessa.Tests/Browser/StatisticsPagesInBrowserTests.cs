using Microsoft.Playwright;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Tests.Browser;

/// <summary>The open statistics and the monitoring dashboard with the demo data, in Finnish and English, through axe-core
/// (the site sweep checks the list of statistics and a table in Swedish or English with the rest of the site);
/// the dashboard also without JavaScript (its charts are drawn on the server). SQLite only: the figures on both
/// engines are proven by the HTTP tests of the dashboards.</summary>
public sealed class StatisticsPagesInBrowserTests(DemoBrowserApp browser) : IClassFixture<DemoBrowserApp>
{
    private static readonly string[] VisitorPages =
    [
        "/statistics", "/statistics/homelessness-national", "/statistics/homelessness-municipal",
        "/statistics/programme-moves-in", "/statistics/programme-retention", "/statistics/annual-survey-work-forms",
        "/statistics/context-and-programme", "/statistics/programme-housing-direction",
        "/statistics/annual-survey-housing-added-by-type",
    ];

    private static readonly string[] MemberPages =
    [
        "/monitoring/dashboards", "/monitoring/dashboards?area=m:091&type=ScatteredWithSupport",
        "/monitoring/dashboards?from=1990", // the error summary
    ];

    [Theory]
    [InlineData("fi")]
    [InlineData("en")]
    public async Task Statistics_and_dashboards_pass_axe(string language)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/language?to={language}&returnUrl=/");
        foreach (var path in VisitorPages) await CheckAsync(page, path, language);

        await page.SignInAsync(DemoAccounts.Member, BrowserSignIn.DemoPassword);
        foreach (var path in MemberPages) await CheckAsync(page, path, language);
    }

    [Fact]
    public async Task The_dashboard_works_without_javascript()
    {
        var page = await browser.NewPageAsync(javaScript: false);
        await page.SignInAsync(DemoAccounts.Member, BrowserSignIn.DemoPassword);
        await page.GotoAsync("/monitoring/dashboards");
        await page.Locator("#Area").SelectOptionAsync(new SelectOptionValue { Value = "m:837" });
        await page.Locator("main form.filters button[type=submit]").ClickAsync();

        Assert.Contains("area=m%3A837", page.Url);
        Assert.Equal(3, await page.Locator("figure.chart svg[role=img]").CountAsync());
        Assert.Equal(8, await page.Locator("table.statistics").CountAsync());
    }

    private static async Task CheckAsync(IPage page, string path, string language)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, $"{path} answered {response.Status}");
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
        // At desktop width a table of figures shows all its columns, the totals last, with nothing hidden in a scroll
        // area. Only a long series of many measures with each row's source (over eight columns) scrolls, with its cue.
        var cut = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.table-wrap')]
                .filter(w => w.querySelector('thead tr').children.length <= 8 && w.scrollWidth > w.clientWidth + 1)
                .map(w => (w.querySelector('caption') || w).textContent.trim().slice(0, 60))
            """);
        Assert.True(cut.Length == 0, $"{path}: tables cut at 1280 px: {string.Join("; ", cut)}");
    }

    [Fact]
    public async Task On_a_phone_a_wide_table_says_that_it_scrolls_and_scrolls_from_the_keyboard()
    {
        var page = await browser.NewPageAsync(width: 375, height: 700);
        await page.GotoAsync("/statistics/programme-moves-in?culture=fi");
        var wrap = page.Locator(".table-wrap").First;
        Assert.Equal("Taulukko on leveämpi kuin näkymä: vieritä sitä sivusuunnassa.", (await page.Locator(".scroll-hint").First.TextContentAsync())?.Trim());
        Assert.True(await page.Locator(".scroll-hint").First.IsVisibleAsync());
        Assert.Equal("0", await wrap.GetAttributeAsync("tabindex"));
        Assert.Contains("more-right", await wrap.GetAttributeAsync("class"));

        // Scrolled to its end by the keyboard, the edge mark moves to the side that now hides columns.
        await wrap.FocusAsync();
        await page.Keyboard.PressAsync("End");
        await wrap.EvaluateAsync("w => w.scrollLeft = w.scrollWidth");
        await Assertions.Expect(wrap).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("more-left"));
        Assert.DoesNotContain("more-right", await wrap.GetAttributeAsync("class"));

        // At desktop width the same table fits, and no hint is shown.
        var wide = await browser.NewPageAsync();
        await wide.GotoAsync("/statistics/programme-moves-in?culture=fi");
        Assert.False(await wide.Locator(".scroll-hint").First.IsVisibleAsync());
    }
}
