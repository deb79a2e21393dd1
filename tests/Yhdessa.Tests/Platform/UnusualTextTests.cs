using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor.Compilation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Surveys.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Account;
using Yhdessa.Tests.Monitoring;
using Person = Yhdessa.Tests.Support.WebBrowser;


namespace Yhdessa.Tests.Platform;


[Collection("Platform with demo content on SQLite")]
public sealed class UnusualTextOnSqlite(DemoSqliteApp app, ITestOutputHelper output) : UnusualTextTests(app, output);
[Collection("Platform with demo content on PostgreSQL")]
public sealed class UnusualTextOnPostgres(DemoPostgresApp app, ITestOutputHelper output) : UnusualTextTests(app, output);

/// <summary>
/// Text no form expects never breaks a page: every form a visitor or a coordinator (who may open every page) can
/// reach is filled, field by field, with digits of other scripts, dashes, invisible and direction characters, emoji
/// and replacement characters, and posted with its antiforgery token; every query string a page or an endpoint
/// reads is sent the same values. A refusal or a validation message is fine; a server error (5xx) is not. Pages
/// come from the app's own endpoints, so a new page is covered without being listed here.
/// </summary>
public abstract class UnusualTextTests(YhdessaApp app, ITestOutputHelper output)
{
    private static readonly string[] Values =
    [
        "２０２６", "٣٤٥", "१२३", "２０２５-０１-３１", "١٣١٠٥٢-٣٠٨T",
        "‐‑‒–—―−﹣－", "a\u200Bb\u2060c\u00ADd\uFEFF", "\u202Eabc\u202C\u200F۱۲\u200E🏠👪🏽‍🔥",
        "/\u3002evil.example\uFFFD\uE000\U0010FFFF\uFFFF𝟏𝟐",
    ];

    /// <summary>Forms that would end the fuzzing person's session or take away what the rest of the run needs.</summary>
    private static readonly string[] LeftAlone =
        ["/account/sign-out", "/account/delete", "/account/two-factor", "/monitoring/two-factor", "/account/email", "/account/password"];

    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task No_form_or_query_string_answers_unusual_text_with_a_server_error()
    {
        var world = await MonitoringWorld.OfAsync(app);
        var values = await PlaceholdersAsync(world);
        var coordinator = await MonitoringWorld.SignedInAsync(app, world.CoordinatorEmail, followRedirects: false);
        var visitor = Person.Open(app, followRedirects: false);
        var failures = new List<string>();
        var requests = 0;
        var watch = Stopwatch.StartNew();

        foreach (var (person, anonymousOnly) in new[] { (visitor, true), (coordinator, false) })
            foreach (var route in Routes().Where(r => r.Anonymous || !anonymousOnly))
            {
                if (Fill(route.Template, values) is not { } path) continue;
                foreach (var value in Values.Where(_ => route.Query.Count > 0))
                {
                    var query = string.Join("&", route.Query.Select(name => $"{name}={Uri.EscapeDataString(value)}"));
                    await CheckAsync(person, HttpMethod.Get, $"{path}?{query}", null, failures, value);
                    requests++;
                }
                if (!route.Page) continue;
                var response = await person.Client.GetAsync(path);
                requests++;
                if ((int)response.StatusCode >= 500) failures.Add($"GET {path} → {(int)response.StatusCode}");
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                var document = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
                foreach (var form in document.QuerySelectorAll("form").OfType<IHtmlFormElement>())
                    foreach (var action in Actions(form, path))
                    {
                        if (LeftAlone.Any(a => action.StartsWith(a, StringComparison.OrdinalIgnoreCase))) continue;
                        var get = string.Equals(form.Method, "get", StringComparison.OrdinalIgnoreCase);
                        foreach (var value in Values)
                        {
                            var fields = Filled(form, value);
                            if (get)
                                await CheckAsync(person, HttpMethod.Get, action + (action.Contains('?') ? "&" : "?") +
                                    string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")), null, failures, value);
                            else
                                await CheckAsync(person, HttpMethod.Post, action, Content(form, fields), failures, value);
                            requests++;
                        }
                    }
            }

        output.WriteLine($"{requests} requests in {watch.Elapsed.TotalSeconds:0} s");
        Assert.True(requests > 1000, $"Only {requests} requests: the pages were not reached.");
        Assert.True(failures.Count == 0, $"{failures.Count} server errors:\n" + string.Join("\n", failures.Distinct().Take(40)));
    }

    /// <summary>Where a browser sends the form: its action, or the formaction of the button pressed (a page handler).</summary>
    private static IEnumerable<string> Actions(IHtmlFormElement form, string path)
    {
        var buttons = form.QuerySelectorAll("button[formaction], input[type=submit][formaction]")
            .Select(b => b.GetAttribute("formaction")!).Where(a => a.Length > 0).Distinct().ToList();
        var own = string.IsNullOrEmpty(form.GetAttribute("action")) ? path : form.GetAttribute("action")!;
        var plainSubmit = form.QuerySelectorAll("button:not([formaction]), input[type=submit]:not([formaction])").Length > 0;
        return buttons.Count == 0 || plainSubmit ? [own, .. buttons] : buttons;
    }

    private static async Task CheckAsync(Person person, HttpMethod method, string url, HttpContent? content, List<string> failures, string value)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        var response = await person.Client.SendAsync(request);
        if ((int)response.StatusCode >= 500)
            failures.Add($"{method} {url} with {Describe(value)} → {(int)response.StatusCode}");
        // The test server passes any header on, but Kestrel refuses to send one that is not ASCII, with a 500.
        if (response.Headers.Concat(response.Content.Headers).SelectMany(h => h.Value).FirstOrDefault(v => !Ascii.IsValid(v)) is { } header)
            failures.Add($"{method} {url} with {Describe(value)} → a header Kestrel cannot send: {header}");
    }

    private static string Describe(string value) => string.Join(" ", value.EnumerateRunes().Select(r => $"U+{r.Value:X4}"));

    /// <summary>The fields a browser would send, every text-like one (text, number, date, email, search, textarea…)
    /// holding the value; hidden fields (the antiforgery token, ids) as they are; checked boxes and the selected
    /// options as they are.</summary>
    private static List<KeyValuePair<string, string>> Filled(IHtmlFormElement form, string value)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is "hidden":
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is "file" or "submit" or "button" or "image" or "reset":
                    break;
                case IHtmlInputElement { Name.Length: > 0 } input:
                    fields.Add(new(input.Name!, value));
                    break;
                case IHtmlTextAreaElement { Name.Length: > 0 } area:
                    fields.Add(new(area.Name!, value));
                    break;
                case IHtmlSelectElement { Name.Length: > 0 } select when select.Options.Length > 0:
                    fields.Add(new(select.Name!, (select.SelectedOptions.FirstOrDefault() ?? select.Options[0])!.Value));
                    break;
            }
        }
        return fields;
    }

    private static HttpContent Content(IHtmlFormElement form, List<KeyValuePair<string, string>> fields)
    {
        if (!string.Equals(form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return new FormUrlEncodedContent(fields);
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in fields) multipart.Add(new StringContent(value), name);
        return multipart;
    }

    private sealed record Route(string Template, bool Page, bool Anonymous, IReadOnlyList<string> Query);

    /// <summary>Every GET endpoint: Razor pages (with the query values their models bind) and the minimal APIs
    /// (with their query parameters).</summary>
    private List<Route> Routes()
    {
        _ = app.CreateClient();
        var feature = new ViewsFeature();
        app.Services.GetRequiredService<ApplicationPartManager>().PopulateFeature(feature);
        var routes = new List<Route>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var anonymous = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null;
            var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var model = feature.ViewDescriptors.Single(v => v.RelativePath == page.RelativePath).Type!.GetProperty("Model")!.PropertyType;
                routes.Add(new Route(template, true, anonymous, [.. PageQuery(model).Where(n => !routeNames.Contains(n)).Distinct()]));
            }
            else if (endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is { } methods && methods.HttpMethods.Contains("GET")
                     && endpoint.Metadata.GetMetadata<MethodInfo>() is { } handler)
                routes.Add(new Route(template, false, anonymous, [.. ApiQuery(handler).Where(n => !routeNames.Contains(n)).Distinct()]));
        }
        return routes;
    }

    private static IEnumerable<string> PageQuery(Type model)
    {
        foreach (var property in model.GetProperties())
            if (property.GetCustomAttribute<BindPropertyAttribute>() is { SupportsGet: true })
                foreach (var name in Names(property.Name, property.PropertyType)) yield return name;
        foreach (var method in model.GetMethods().Where(m => m.Name.StartsWith("OnGet")))
            foreach (var parameter in method.GetParameters().Where(p => IsSimple(p.ParameterType)))
                yield return parameter.Name!;
    }

    private static IEnumerable<string> ApiQuery(MethodInfo handler)
    {
        foreach (var parameter in handler.GetParameters())
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var property in parameter.ParameterType.GetProperties().Where(p => IsSimple(p.PropertyType)))
                    yield return property.GetCustomAttribute<FromQueryAttribute>()?.Name ?? property.Name;
            }
            else if (IsSimple(parameter.ParameterType))
                yield return parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name!;
        }
    }

    /// <summary>A bound property's query names: itself, or the simple properties of a complex one ("Filter.Year").</summary>
    private static IEnumerable<string> Names(string name, Type type) =>
        IsSimple(type) ? [name] : type.GetProperties().Where(p => IsSimple(p.PropertyType) && p.CanWrite).Select(p => $"{name}.{p.Name}");

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime)
               || t == typeof(DateTimeOffset) || t == typeof(Guid);
    }

    /// <summary>An existing record for each route parameter, so that the pages behind them open with their forms.</summary>
    private Task<Dictionary<string, string>> PlaceholdersAsync(MonitoringWorld world) => app.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<YhdessaDb>();
        var survey = await db.Surveys.OrderBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync() ?? 0;
        var member = await db.Users.Where(u => u.Email == DemoAccounts.Member).Select(u => u.Id).SingleAsync();
        var material = await db.Materials.OrderBy(m => m.Id).Select(m => new { m.Id, m.Slug }).FirstAsync();
        return new Dictionary<string, string>
        {
            ["events/{key}"] = await db.Events.Where(e => e.Slug == "valtakunnallinen-syysseminaari-asunto-ensin-2030").Select(e => e.Slug).SingleAsync(),
            ["network/groups/{key}"] = await db.Groups.OrderBy(g => g.Id).Select(g => g.Slug).FirstAsync(),
            ["network/organisations/{key}"] = await db.Organisations.OrderBy(o => o.Id).Select(o => o.Slug).FirstAsync(),
            ["api/v1/organisations/{key}"] = await db.Organisations.OrderBy(o => o.Id).Select(o => o.Slug).FirstAsync(),
            ["network/people/{id:int}"] = (await db.PersonProfiles.Where(p => p.IsPublic).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()).ToString(),
            ["{slug}"] = "asumisneuvonnan-kasikirja",
            ["materials/files/{id:int}"] = (await db.MaterialFiles.OrderBy(f => f.Id).Select(f => (int?)f.Id).FirstOrDefaultAsync() ?? 0).ToString(),
            ["surveys/{id:int}"] = survey.ToString(),
            ["needs/{id:int}"] = (await db.Needs.OrderBy(n => n.Id).Select(n => (int?)n.Id).FirstOrDefaultAsync() ?? 0).ToString(),
            ["{questionId:int}"] = (await db.SurveyQuestions.Where(q => q.SurveyId == survey).Select(q => (int?)q.Id).FirstOrDefaultAsync() ?? 0).ToString(),
            ["admin/people/{id}"] = member,
            ["admin/outbox/{id:long}"] = (await db.Set<OutgoingEmail>().OrderBy(e => e.Id).Select(e => (long?)e.Id).FirstOrDefaultAsync() ?? 0).ToString(),
            ["monitoring/units/{id:int}"] = world.UnitA.ToString(),
            ["monitoring/rounds/{id:int}"] = world.RoundId.ToString(),
            ["{roundId:int}"] = world.RoundId.ToString(),
            ["{unitId:int}"] = world.UnitA.ToString(),
            ["{stayId:int}"] = world.StayA.ToString(),
            ["{serviceId:int}"] = world.ServiceA.ToString(),
            ["{year:int}"] = DateTime.UtcNow.Year.ToString(),
            ["{number:int}"] = "1",
            ["{language}"] = "fi",
            ["{table}"] = "homelessness-national",
            ["{documentName}"] = "v1",
            ["{name?}"] = "",
            ["{status:int?}"] = "404",
            ["news/images/{id:int}"] = (await db.NewsImages.OrderBy(i => i.Id).Select(i => (int?)i.Id).FirstOrDefaultAsync() ?? 0).ToString(),
            ["newsletter/issues/{id:int}"] = (await db.NewsletterIssues.OrderBy(i => i.Id).Select(i => (int?)i.Id).FirstOrDefaultAsync() ?? 0).ToString(),
            ["workspaces/{slug}"] = "naiset-asumisen-polulla",
            ["documents/{id:int}"] = (await db.WorkspaceDocuments.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync()).ToString(),
            ["meetings/{id:int}"] = (await db.WorkspaceMeetings.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync()).ToString(),
            ["{round:int}"] = (await db.WorkspaceReportRounds.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync()).ToString(),
            ["{subproject:int}"] = (await db.WorkspaceSubProjects.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync()).ToString(),
            ["{subProjectId:int}"] = (await db.WorkspaceSubProjects.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync()).ToString(),
            ["newsletter/items/{id:int}"] = (await db.NewsletterItems.OrderBy(i => i.Id).Select(i => (int?)i.Id).FirstOrDefaultAsync() ?? 0).ToString(),
        };
    });

    /// <summary>The route with its parameters filled, or null for one that needs a secret (a token in a mailed link)
    /// or matches any path.</summary>
    private static string? Fill(string template, Dictionary<string, string> values)
    {
        var segments = template.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (!segment.Contains('{')) continue;
            if (segment.Contains("token") || segment.StartsWith("{*")) return null;
            var parameter = segment[segment.IndexOf('{')..(segment.IndexOf('}') + 1)];
            var before = string.Join("/", segments[1..i]);
            var key = values.Keys.Where(k => k.EndsWith(parameter) && (k == parameter || before.EndsWith(k[..^(parameter.Length + 1)])))
                .OrderByDescending(k => k.Length).FirstOrDefault();
            if (key is null) throw new InvalidOperationException($"No value for {parameter} in {template}: add one to the placeholders.");
            segments[i] = segment.Replace(parameter, Uri.EscapeDataString(values[key]));
        }
        return string.Join("/", segments).Replace("//", "/").TrimEnd('/') is { Length: > 0 } path ? path : "/";
    }
}
