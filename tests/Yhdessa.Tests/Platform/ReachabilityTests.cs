using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Browser;

namespace Yhdessa.Tests.Platform;

/// <summary>
/// Every page a role may open is reached by following links from the front page, as that role: a page that only an
/// address typed by hand leads to is a page people do not find. Crawls the demo site as a visitor, a member, a
/// reporter and a coordinator, following every link of every page it reaches (a few records of each kind).
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
    private const int RecordsOfAKind = 100, VariantsOfAPage = 6;

    private sealed record Page(string Route, bool HasParameters, TemplateMatcher Matcher);

    [Fact]
    public async Task Every_page_each_role_may_open_is_reached_by_links_from_the_front_page()
    {
        var pages = Pages();
        var problems = new List<string>();
        var reachedByAnyone = new HashSet<string>();
        foreach (var who in new string?[] { null, DemoAccounts.Member, DemoAccounts.Reporter, DemoAccounts.Coordinator })
        {
            // Monitoring asks for two-step sign-in: the demo accounts that use it get an authenticator first.
            if (who is DemoAccounts.Reporter or DemoAccounts.Coordinator) await TwoStepAsync(who);
            var person = who is null ? WebBrowser.Open(app) : await app.SignInAsync(who, BrowserSignIn.DemoPassword);
            var reached = await CrawlAsync(person.Client, pages);
            reachedByAnyone.UnionWith(reached);
            // A page without parameters that the role may open, but that no link led to.
            foreach (var page in pages.Where(p => !p.HasParameters && !reached.Contains(p.Route) && !NotByLinks.ContainsKey(p.Route)
                && (who is null || !ForVisitors.Contains(p.Route))))
            {
                var response = await person.Client.GetAsync(page.Route);
                if (response.StatusCode == HttpStatusCode.OK && response.RequestMessage!.RequestUri!.AbsolutePath == page.Route)
                    problems.Add($"{who ?? "visitor"} may open {page.Route}, but no link leads there");
            }
        }
        // A page of a record (an event, a group) that no role reached by links.
        problems.AddRange(pages.Where(p => p.HasParameters && !reachedByAnyone.Contains(p.Route) && !NotByLinks.ContainsKey(p.Route))
            .Select(p => $"no link leads to any {p.Route}"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private Task TwoStepAsync(string email) => app.WithServicesAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<User>>();
        var user = (await users.FindByEmailAsync(email))!;
        if (await users.GetTwoFactorEnabledAsync(user)) return 0;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return 1;
    });

    /// <summary>Follows links breadth first from the front page; returns the routes of the pages reached.</summary>
    private static async Task<HashSet<string>> CrawlAsync(HttpClient client, List<Page> pages)
    {
        var parser = new HtmlParser();
        var reached = new HashSet<string>();
        var seen = new HashSet<string> { "/" };
        var opened = new Dictionary<string, int>();
        var queue = new Queue<string>(["/"]);
        while (queue.TryDequeue(out var url))
        {
            using var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK) continue;
            var path = response.RequestMessage!.RequestUri!.AbsolutePath;
            if (RouteOf(path, pages) is { } route) reached.Add(route);
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var document = parser.ParseDocument(await response.Content.ReadAsStringAsync());
            foreach (var link in document.QuerySelectorAll("a[href]"))
            {
                var href = link.GetAttribute("href")!.Split('#')[0];
                if (!href.StartsWith('/') || href.StartsWith("//") || href.StartsWith("/language") || seen.Contains(href)) continue;
                var target = href.Split('?')[0];
                var (key, cap) = href.Contains('?') ? (target + "?", VariantsOfAPage) : (RouteOf(target, pages) ?? target, RecordsOfAKind);
                if (opened.GetValueOrDefault(key) >= cap) continue;
                opened[key] = opened.GetValueOrDefault(key) + 1;
                seen.Add(href);
                queue.Enqueue(href);
            }
        }
        return reached;
    }

    /// <summary>The route of the page at <paramref name="path"/>: a literal route before one with parameters.</summary>
    private static string? RouteOf(string path, List<Page> pages)
    {
        var values = new RouteValueDictionary();
        return pages.FirstOrDefault(p => { values.Clear(); return p.Matcher.TryMatch(path, values); })?.Route;
    }

    private List<Page> Pages() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .Select(route =>
            {
                var template = TemplateParser.Parse(route.TrimStart('/'));
                var plain = "/" + string.Join('/', template.Segments.Select(s => string.Concat(s.Parts.Select(part =>
                    part.IsParameter ? "{" + part.Name + "}" : part.Text))));
                return new Page(plain, template.Parameters.Count > 0, new TemplateMatcher(template, new RouteValueDictionary()));
            })
            .OrderBy(p => p.HasParameters).ThenBy(p => p.Route.Count(c => c == '{'))];
}
