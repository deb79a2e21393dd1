using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Tests.Support;

/// <summary>
/// TEST HELPER: the site's pages as routes, and a crawl that follows links breadth first from the front page, as one
/// person, opening a good number of records of each kind and a few query variants (tabs, filters, pages) of each page.
/// </summary>
public sealed class SiteCrawl
{
    /// <summary>One page of the site: its route (e.g. <c>/events/{key}</c>) and whether it has parameters.</summary>
    public sealed record Route(string Template, bool HasParameters, TemplateMatcher Matcher);

    /// <summary>What a fetch gives back: the status, the path after redirects, and the page when it is HTML.</summary>
    public sealed record Fetched(int Status, string Path, string? Html);

    /// <summary>How many records of a kind are opened, and how many query variants of one kind of page: enough to meet
    /// records in every state (a stay still open to change, a material with versions), few enough to keep a crawl short,
    /// as the hundreds of filter combinations of a list lead to the same pages. (A hundred records and six variants of
    /// every record's page made the coordinator's crawl a thousand pages and two thirds of the sweep's time.)</summary>
    private const int RecordsOfAKind = 100, VariantsOfAPage = 6;

    public IReadOnlyList<Route> Routes { get; }

    /// <summary>Every Razor page of the app; literal routes come before ones with parameters (/events/new before /events/{key}).</summary>
    public SiteCrawl(IServiceProvider services) => Routes =
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .Select(raw =>
            {
                var template = TemplateParser.Parse(raw);
                var plain = "/" + string.Join('/', template.Segments.Select(s => string.Concat(s.Parts.Select(part =>
                    part.IsParameter ? "{" + part.Name + "}" : part.Text))));
                return new Route(plain, template.Parameters.Count > 0, new TemplateMatcher(template, new RouteValueDictionary()));
            })
            .OrderBy(r => r.HasParameters).ThenBy(r => r.Template.Count(c => c == '{'))];

    /// <summary>The route of the page at <paramref name="path"/>, or null for an address that is not a page.</summary>
    public string? RouteOf(string path)
    {
        var values = new RouteValueDictionary();
        return Routes.FirstOrDefault(r => { values.Clear(); return r.Matcher.TryMatch(path, values); })?.Template;
    }

    /// <summary>A page reached: the first address that reached it, and whether it answered with HTML (not a file).</summary>
    public sealed record Reached(string Url, bool IsHtml);

    /// <summary>Follows links from the front page; returns each route reached (answered 200). <paramref name="read"/>, when
    /// given, sees each page of the site reached (its route, address and document).</summary>
    public async Task<Dictionary<string, Reached>> CrawlAsync(Func<string, Task<Fetched>> fetch,
        Action<string, string, IHtmlDocument>? read = null)
    {
        var parser = new HtmlParser();
        var reached = new Dictionary<string, Reached>();
        var seen = new HashSet<string> { "/" };
        var opened = new Dictionary<string, int>();
        var queue = new Queue<string>(["/"]);
        while (queue.TryDequeue(out var url))
        {
            var page = await fetch(url);
            if (page.Status != 200) continue;
            var route = RouteOf(page.Path);
            if (route is not null) reached.TryAdd(route, new Reached(url, page.Html is not null));
            if (page.Html is null) continue;
            var document = parser.ParseDocument(page.Html);
            if (route is not null) read?.Invoke(route, url, document);
            foreach (var link in document.QuerySelectorAll("a[href]"))
            {
                var href = link.GetAttribute("href")!.Split('#')[0];
                if (!href.StartsWith('/') || href.StartsWith("//") || href.StartsWith("/language") || seen.Contains(href)) continue;
                var target = href.Split('?')[0];
                var kind = RouteOf(target) ?? target;
                var (key, cap) = href.Contains('?') ? (kind + "?", VariantsOfAPage) : (kind, RecordsOfAKind);
                if (opened.GetValueOrDefault(key) >= cap) continue;
                opened[key] = opened.GetValueOrDefault(key) + 1;
                seen.Add(href);
                queue.Enqueue(href);
            }
        }
        return reached;
    }

    /// <summary>A fetch through an HTTP client that follows redirects.</summary>
    public static Func<string, Task<Fetched>> Through(HttpClient client) => async url =>
    {
        using var response = await client.GetAsync(url);
        var html = response.Content.Headers.ContentType?.MediaType == "text/html" ? await response.Content.ReadAsStringAsync() : null;
        return new Fetched((int)response.StatusCode, response.RequestMessage!.RequestUri!.AbsolutePath, html);
    };

    /// <summary>Gives a demo account an authenticator (monitoring asks for two-step sign-in) and returns its key.</summary>
    public static async Task<string> TwoStepAsync(IServiceProvider services, string email)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = (await users.FindByEmailAsync(email))!;
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// <summary>The demo's people: a visitor (null), a member, a reporter and a coordinator.</summary>
    public static readonly string?[] DemoPeople = [null, DemoAccounts.Member, DemoAccounts.Reporter, DemoAccounts.Coordinator];
}
