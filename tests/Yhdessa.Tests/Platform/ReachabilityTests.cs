using System.Net;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Browser;

namespace Yhdessa.Tests.Platform;

/// <summary>
/// Every page a role may open is reached by following links from the front page, as that role: a page that only an
/// address typed by hand leads to is a page people do not find. Crawls the demo site as a visitor, a member, a
/// reporter and a coordinator (<see cref="SiteCrawl"/>).
/// </summary>
[RunsLong(30)]
public sealed class ReachabilityTests(DemoSqliteApp app) : IClassFixture<DemoSqliteApp>
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
        ["/error"] = "shown when something fails",
        ["/error/{status}"] = "shown when a page is not found or refused",
        ["/account/access-denied"] = "shown when a page is refused",
    };

    /// <summary>Pages for people who are not signed in: a signed-in person has no link to them, and needs none.</summary>
    private static readonly HashSet<string> ForVisitors = ["/account/sign-in", "/account/sign-up", "/account/forgot-password"];

    /// <summary>How many records of a kind are opened, and how many query variants of one page (tabs, filters, pages of
    /// a list): enough to meet records in every state (a stay still open to change, a material with versions), few
    /// enough to keep the crawl short, as the hundreds of filter combinations of a list lead to the same pages.</summary>
    [Fact]
    public async Task Every_page_each_role_may_open_is_reached_by_links_from_the_front_page()
    {
        var site = new SiteCrawl(app.Services);
        var problems = new List<string>();
        var reachedByAnyone = new HashSet<string>();
        foreach (var who in SiteCrawl.DemoPeople)
        {
            if (who is DemoAccounts.Reporter or DemoAccounts.Coordinator) await SiteCrawl.TwoStepAsync(app.Services, who);
            var person = who is null ? WebBrowser.Open(app) : await app.SignInAsync(who, BrowserSignIn.DemoPassword);
            var reached = (await site.CrawlAsync(SiteCrawl.Through(person.Client))).Keys.ToHashSet();
            reachedByAnyone.UnionWith(reached);
            // A page without parameters that the role may open, but that no link led to.
            foreach (var route in site.Routes.Where(r => !r.HasParameters && !reached.Contains(r.Template) && !NotByLinks.ContainsKey(r.Template)
                && (who is null || !ForVisitors.Contains(r.Template))))
            {
                var response = await person.Client.GetAsync(route.Template);
                if (response.StatusCode == HttpStatusCode.OK && response.RequestMessage!.RequestUri!.AbsolutePath == route.Template)
                    problems.Add($"{who ?? "visitor"} may open {route.Template}, but no link leads there");
            }
        }
        // A page of a record (an event, a group) that no role reached by links.
        problems.AddRange(site.Routes.Where(r => r.HasParameters && !reachedByAnyone.Contains(r.Template) && !NotByLinks.ContainsKey(r.Template))
            .Select(r => $"no link leads to any {r.Template}"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
