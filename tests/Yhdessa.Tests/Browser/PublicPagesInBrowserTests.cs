using Microsoft.Playwright;

namespace Yhdessa.Tests.Browser;

// SQLite only: what a page shows and does is the same on both engines, which the HTTP tests of each feature prove.
/// <summary>The public pages in a real browser: WCAG 2.1 AA by axe-core in every language, keyboard use and a narrow phone screen.</summary>
public sealed class PublicPagesInBrowserTests(SqliteBrowserApp browser) : IClassFixture<SqliteBrowserApp>
{
    public static TheoryData<string, string> PagesInEveryLanguage()
    {
        var data = new TheoryData<string, string>();
        // The front page and the accessibility statement in Finnish; the site sweep checks them in Swedish or English.
        data.Add("/", "fi");
        data.Add("/accessibility", "fi");
        foreach (var language in new[] { "fi", "sv", "en" })
            data.Add("/no-such-page", language);
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesInEveryLanguage))]
    public async Task Page_has_no_accessibility_violations_in_any_language(string path, string language)
    {
        var page = await browser.NewPageAsync();

        var response = await page.GotoAsync($"{path}?culture={language}");

        Assert.Equal(path == "/no-such-page" ? 404 : 200, response!.Status);
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Language_switcher_in_the_header_changes_the_language_and_it_stays()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/accessibility");
        Assert.Equal("fi", await page.Locator("html").GetAttributeAsync("lang"));

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Kieli" }).GetByRole(AriaRole.Link, new() { Name = "På svenska" }).ClickAsync();

        // Back on the same page, now in Swedish; the current language is marked, not a link.
        Assert.EndsWith("/accessibility", new Uri(page.Url).AbsolutePath);
        Assert.Equal("sv", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("true", await page.Locator(".languages [lang=sv]").GetAttributeAsync("aria-current"));
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync("/");
        Assert.Equal("sv", await page.Locator("html").GetAttributeAsync("lang"));
        await page.GetByRole(AriaRole.Link, new() { Name = "In English" }).ClickAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("The development network in homelessness work", await page.Locator("h1").InnerTextAsync());
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Language_switcher_overrides_a_language_chosen_in_the_address()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/accessibility?culture=sv");

        await page.GetByRole(AriaRole.Link, new() { Name = "In English" }).ClickAsync();

        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("/accessibility", new Uri(page.Url).PathAndQuery);
    }

    [Fact]
    public async Task Language_switcher_works_without_javascript()
    {
        var page = await browser.NewPageAsync(javaScript: false);
        await page.GotoAsync("/no-such-page");

        await page.GetByRole(AriaRole.Link, new() { Name = "In English" }).ClickAsync();

        // Still the address the visitor asked for, and still "not found", now in English.
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("/no-such-page", new Uri(page.Url).AbsolutePath);
        Assert.Equal("Page not found", await page.Locator("h1").InnerTextAsync());
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("en")]
    public async Task First_tab_reaches_the_visible_skip_link_which_moves_focus_to_the_main_content(string language)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/?culture={language}");

        await page.Keyboard.PressAsync("Tab");

        var skipLink = page.Locator("a.skip-link");
        Assert.True(await skipLink.EvaluateAsync<bool>("link => link === document.activeElement"),
            "the first Tab should focus the skip link");
        var box = await skipLink.BoundingBoxAsync();
        Assert.True(box is { Width: > 1, Height: > 1, Y: >= 0 }, $"the focused skip link should be visible on screen, was {box?.X},{box?.Y} {box?.Width}×{box?.Height}");

        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.EndsWith("#main", page.Url);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/accessibility")]
    public async Task Every_link_and_button_reached_by_tab_shows_a_clear_focus_outline(string path)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(path);
        var reached = new List<string>();

        for (var stop = 0; stop < 40; stop++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<string[]?>("""
                () => {
                    const e = document.activeElement;
                    if (!e || e === document.body) return null;
                    const style = getComputedStyle(e);
                    return [e.outerHTML.slice(0, 80), style.outlineStyle, style.outlineWidth];
                }
                """);
            if (focus is null) break;
            if (reached.Contains(focus[0])) break;
            reached.Add(focus[0]);
            Assert.True(focus[1] != "none" && float.Parse(focus[2].Replace("px", ""), System.Globalization.CultureInfo.InvariantCulture) >= 2,
                $"no visible focus outline on {focus[0]} (outline {focus[1]} {focus[2]})");
        }

        // Skip link, brand, three languages' links, the main navigation and the footer links at least.
        Assert.True(reached.Count >= 8, $"only {reached.Count} focus stops: {string.Join(", ", reached)}");
    }

    [Theory]
    [InlineData("/", "fi")]
    [InlineData("/", "sv")]
    [InlineData("/accessibility", "en")]
    [InlineData("/no-such-page", "sv")]
    public async Task Narrow_phone_screen_of_320_px_needs_no_sideways_scrolling(string path, string language)
    {
        var page = await browser.NewPageAsync(width: 320, height: 640);
        await page.GotoAsync($"{path}?culture={language}");

        var widths = await page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        // Names the elements that stick out, so a failure says what to fix.
        var tooWide = await page.EvaluateAsync<string[]>("""
            () => [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth || e.scrollWidth > e.clientWidth && getComputedStyle(e).overflowX === 'visible' && e.clientWidth > 0)
                .map(e => `<${e.tagName.toLowerCase()} class="${e.className}"> ${e.textContent.trim().slice(0, 40)}`)
            """);

        Assert.True(widths[0] <= widths[1],
            $"page is {widths[0]} px wide in a {widths[1]} px window; too wide: {string.Join("; ", tooWide)}");
    }
}
