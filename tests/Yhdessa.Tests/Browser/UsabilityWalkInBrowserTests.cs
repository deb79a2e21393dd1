using Microsoft.Playwright;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Tests.Browser;

/// <summary>
/// Each role's main tasks on the demo site, walked as docs/usability.md describes them, in one language at a time, on a
/// phone (375 px) and a desktop (1280 px), for screenshots of every step that a person looks at
/// (<see cref="ShotsFolder"/>; docs/usability.md says where). It runs when screenshots are asked for: on each step the
/// page must be in the chosen language, name itself in one heading and fit both widths. A plain ./test.sh checks the
/// same of every page without the pictures: the site sweep (every page of every role, its language and heading, at
/// 320 px, with axe) and the walk of every page (at 375 and 1280 px).
/// </summary>
[RunsLong(70)]
public sealed class UsabilityWalkInBrowserTests(DemoBrowserApp browser) : IClassFixture<DemoBrowserApp>
{
    private const string Seminar = "/events/valtakunnallinen-syysseminaari-asunto-ensin-2030";

    /// <summary>A step of a task: what to do on the page to reach the next state to look at.</summary>
    private sealed record Step(string Name, Func<IPage, Task> Go);

    private static Step Open(string name, string path) => new(name, page => page.GotoAsync(path));

    /// <summary>Opens <paramref name="from"/> and follows its first link that matches <paramref name="link"/>.</summary>
    private static Step Follow(string name, string from, string link) => new(name, async page =>
    {
        await page.GotoAsync(from);
        await page.GotoAsync(await page.Locator(link).First.GetAttributeAsync("href") ?? throw new InvalidOperationException($"no {link} on {from}"));
    });

    private static readonly Step[] Visitor =
    [
        Open("front-page", "/"),
        Open("news", "/news"),
        Follow("news-post", "/news", "ul.cards a[href^='/news/']"),
        Open("newsletter", "/newsletter"),
        Open("newsletter-archive", "/newsletter/archive"),
        Follow("newsletter-issue", "/newsletter/archive", "ul.archive a[href^='/newsletter/archive/']"),
        Open("events", "/events"),
        Follow("event", "/events", "ul.cards a[href^='/events/']"),
        new("registration-form-errors", async page =>
        {
            await page.GotoAsync("/events/tyopaja-vertaisarvioinnin-menetelmat/register");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForSelectorAsync(".error-summary");
        }),
        Open("material-search", "/materials?q=asumisneuvonta"),
        Follow("material", "/materials?q=asumisneuvonta", "ol.results a[href^='/materials/']"),
        Open("needs", "/needs"),
        Follow("need", "/needs", "ul.cards a[href^='/needs/']"),
        Open("you-said-we-did", "/needs/answered"),
        Open("raise-need", "/needs/new"),
        Open("organisations", "/network/organisations"),
        Open("workspace-public", "/workspaces/vastaanottokeskuksesta-kotiin"),
        Open("statistics", "/statistics"),
        Follow("statistics-table", "/statistics", "main a[href^='/statistics/']"),
        Open("accessibility", "/accessibility"),
        Open("privacy", "/privacy"),
        Open("api", "/api"),
        Open("sign-up", "/account/sign-up"),
    ];

    private static readonly Step[] Member =
    [
        Open("front-page", "/"),
        Open("my-page", "/my"),
        Open("register", Seminar + "/register"),
        Open("raise-need", "/needs/new"),
        Open("my-items", "/newsletter/items"),
        Open("write-item", "/newsletter/items/new"),
        Open("groups", "/network/groups"),
        Follow("group", "/network/groups", "main a[href^='/network/groups/']:not([href$='/new'])"),
        Open("propose-material", "/materials/new"),
        Open("profile", "/network/profile"),
        Open("account", "/account"),
        Open("workspaces", "/workspaces"),
        Open("workspace", "/workspaces/naiset-asumisen-polulla"),
        Open("workspace-meetings", "/workspaces/naiset-asumisen-polulla/meetings"),
        Follow("workspace-meeting", "/workspaces/naiset-asumisen-polulla/meetings", "main ul a[href*='/meetings/']"),
        Open("workspace-actions", "/workspaces/naiset-asumisen-polulla/actions"),
        Open("workspace-documents", "/workspaces/naiset-asumisen-polulla/documents"),
        Open("workspace-year", "/workspaces/naiset-asumisen-polulla/year"),
        Open("workspace-groups", "/workspaces/naiset-asumisen-polulla/groups"),
        Follow("workspace-document", "/workspaces/naiset-asumisen-polulla/documents", "main ul a[href*='/documents/']"),
        Open("workspace-people", "/workspaces/naiset-asumisen-polulla/people"),
        Open("my-actions", "/workspaces/actions"),
        Open("workspace-subprojects", "/workspaces/naiset-asumisen-polulla/subprojects"),
        Open("workspace-goals", "/workspaces/naiset-asumisen-polulla/goals"),
        Open("workspace-goals-print", "/workspaces/naiset-asumisen-polulla/goals?print=1"),
        Open("workspace-reports", "/workspaces/naiset-asumisen-polulla/reports"),
        Follow("workspace-report", "/workspaces/naiset-asumisen-polulla/reports", "main ul.reports a[href*='/reports/']"),
        Open("workspace-finances", "/workspaces/naiset-asumisen-polulla/finances"),
        Follow("workspace-subproject-finances", "/workspaces/naiset-asumisen-polulla/finances", "main a[href*='/finances/']"),
    ];

    private static readonly Step[] Coordinator =
    [
        Open("admin", "/admin"),
        Open("write-news", "/news/new"),
        Open("newsletter-queue", "/newsletter/queue"),
        Open("newsletter-issues", "/newsletter/issues"),
        Follow("compose-issue", "/newsletter/issues", "table a[href^='/newsletter/issues/']:not([href$='/progress'])"),
        Follow("sending-progress", "/newsletter/issues", "table a[href$='/progress']"),
        Open("new-event", "/events/new"),
        Open("registrations", Seminar + "/participants"),
        Follow("past-event", "/events?when=past", "ul.cards a[href^='/events/']"),
        Open("feedback-results", "/events/feedback"),
        Follow("triage-need", "/needs", "ul.cards a[href^='/needs/']"),
        Open("needs-plan", "/needs/plan"),
        Open("feedback-for-needs", "/needs/feedback"),
        Open("surveys", "/surveys"),
        Open("material-drafts", "/materials/drafts"),
        Open("collection-rounds", "/monitoring/rounds"),
        Follow("collection-round", "/monitoring/rounds", "main a[href^='/monitoring/rounds/']:not([href$='/new'])"),
        Open("people", "/admin/people"),
        Open("new-workspace", "/workspaces/new"),
        Open("workspace-settings", "/workspaces/naiset-asumisen-polulla/settings"),
        Open("workspace-people-lead", "/workspaces/naiset-asumisen-polulla/people"),
        Follow("workspace-meeting-lead", "/workspaces/naiset-asumisen-polulla/meetings", "main ul a[href*='/meetings/']"),
        Open("workspace-subprojects-lead", "/workspaces/naiset-asumisen-polulla/subprojects"),
        Open("workspace-goals-lead", "/workspaces/naiset-asumisen-polulla/goals"),
        Open("workspace-reports-lead", "/workspaces/naiset-asumisen-polulla/reports"),
        Follow("workspace-subproject-finances-lead", "/workspaces/naiset-asumisen-polulla/finances", "main a[href*='/finances/']"),
    ];

    private static readonly Step[] Reporter =
    [
        Open("monitoring", "/monitoring"),
        Follow("report", "/monitoring", "main a[href^='/monitoring/report/']"),
        Open("import", "/monitoring/import"),
        Open("dashboards", "/monitoring/dashboards"),
    ];

    /// <summary>
    /// Whether the walk runs and keeps its screenshots: when asked (<c>YHDESSA_SCREENSHOTS=1</c>) or when a run keeps
    /// artefacts (<c>YHDESSA_ARTEFACTS</c>). Walking some 225 pages in three languages took about 100 core-s of every
    /// ./test.sh for pages that the sweep and the walk of every page check too.
    /// </summary>
    public static bool KeepsScreenshots =>
        Environment.GetEnvironmentVariable("YHDESSA_SCREENSHOTS") == "1"
        || Environment.GetEnvironmentVariable("YHDESSA_ARTEFACTS") is { Length: > 0 };

    /// <summary>Where the screenshots go: <c>YHDESSA_ARTEFACTS</c>, or <c>TestResults/usability</c> in the checkout.</summary>
    public static string ShotsFolder => Path.Combine(
        Environment.GetEnvironmentVariable("YHDESSA_ARTEFACTS") is { Length: > 0 } artefacts ? artefacts : Path.Combine(Checkout.Folder, "TestResults"),
        "usability");

    [ScreenshotTheory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Each_roles_main_tasks_read_in_the_language_and_fit_a_phone_and_a_desktop(string language)
    {
        var problems = new List<string>();
        await WalkAsync(null, Visitor, language, problems);
        await WalkAsync(DemoAccounts.Member, Member, language, problems);
        await WalkAsync(DemoAccounts.Coordinator, Coordinator, language, problems);
        await WalkAsync(DemoAccounts.Reporter, Reporter, language, problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task WalkAsync(string? who, Step[] steps, string language, List<string> problems)
    {
        var role = who is null ? "visitor" : who.Split('@')[0];
        var page = await browser.NewPageAsync(width: 375, height: 800, axe: false);
        await page.GotoAsync($"/language?to={language}&returnUrl=/");
        if (who is not null)
        {
            var key = who is DemoAccounts.Reporter or DemoAccounts.Coordinator ? await SiteCrawl.TwoStepAsync(browser.Services, who) : null;
            await page.SignInAsync(who, BrowserSignIn.DemoPassword, key);
        }
        var folder = Path.Combine(ShotsFolder, language);
        Directory.CreateDirectory(folder);
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            await page.SetViewportSizeAsync(375, 800);
            await step.Go(page);
            var where = $"{role} {step.Name} ({new Uri(page.Url).PathAndQuery}) in {language}";
            if (await page.GetAttributeAsync("html", "lang") != language) problems.Add($"{where}: the page is not in the chosen language");
            if (await page.Locator("h1").CountAsync() != 1 || string.IsNullOrWhiteSpace(await page.Locator("h1").First.TextContentAsync()))
                problems.Add($"{where}: the page has no single heading naming it");
            foreach (var width in new[] { 375, 1280 })
            {
                await page.SetViewportSizeAsync(width, 800);
                var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
                if (sizes[0] > sizes[1]) problems.Add($"{where} at {width} px: the page is {sizes[0]} px wide");
                await page.ScreenshotAsync(new()
                {
                    Path = Path.Combine(folder, $"{role}-{i + 1:00}-{step.Name}-{width}.png"),
                    FullPage = true,
                });
            }
        }
        await page.Context.CloseAsync();
    }
}

/// <summary>A theory that runs only when screenshots are asked for (<see cref="UsabilityWalkInBrowserTests.KeepsScreenshots"/>).</summary>
public sealed class ScreenshotTheoryAttribute : TheoryAttribute
{
    public ScreenshotTheoryAttribute()
    {
        if (!UsabilityWalkInBrowserTests.KeepsScreenshots)
            Skip = "Takes the usability walk's screenshots; run with YHDESSA_SCREENSHOTS=1. The site sweep and the walk of every page check the same pages.";
    }
}
