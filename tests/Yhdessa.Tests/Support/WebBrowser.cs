using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Tests.Support;

/// <summary>One person's browser: keeps its cookies, fills in forms as shown (with their antiforgery token)
/// and follows redirects.</summary>
public sealed partial class WebBrowser(HttpClient client)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client => client;

    public static WebBrowser Open(YhdessaApp app, bool followRedirects = true) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true }));

    public async Task<IHtmlDocument> GetAsync(string url)
    {
        var response = await client.GetAsync(url);
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens the page, fills the form (the first in main, or the one <paramref name="form"/> selects) and submits it.</summary>
    public Task<Page> SubmitAsync(string url, Dictionary<string, string> fields, string? form = null) =>
        SubmitValuesAsync(url, fields, form);

    /// <summary>As <see cref="SubmitAsync"/>, for forms where one name has several values (check boxes).</summary>
    public async Task<Page> SubmitValuesAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? form = null)
    {
        var page = await GetAsync(url);
        var element = (IHtmlFormElement?)page.QuerySelector(form ?? "main form[method=post]")
            ?? throw new InvalidOperationException($"No form on {url}: {page.Body?.TextContent}");
        var values = element.Elements.OfType<IHtmlInputElement>()
            .Where(input => input.Type == "hidden" && !string.IsNullOrEmpty(input.Name))
            .Select(input => new KeyValuePair<string, string>(input.Name!, input.Value)).ToList();
        var given = fields.Select(pair => pair.Key).ToHashSet();
        values.RemoveAll(pair => given.Contains(pair.Key));
        values.AddRange(fields);
        var action = element.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? url : action;
        return await PostAsync(target, values);
    }

    public async Task<Page> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> values)
    {
        var response = await client.PostAsync(url, new FormUrlEncodedContent(values));
        return await Page.ReadAsync(response);
    }

    public async Task<Page> OpenAsync(string url) => await Page.ReadAsync(await client.GetAsync(url));

    public sealed record Page(HttpStatusCode Status, string Path, IHtmlDocument Document, string Html)
    {
        public static async Task<Page> ReadAsync(HttpResponseMessage response)
        {
            var html = await response.Content.ReadAsStringAsync();
            return new Page(response.StatusCode, response.RequestMessage!.RequestUri!.PathAndQuery, Parser.ParseDocument(html), html);
        }

        public string Text => Document.Body?.TextContent ?? "";
        public string? ErrorSummary => Document.QuerySelector(".error-summary")?.TextContent;
        public string? Notice => Document.QuerySelector(".notice")?.TextContent;
        public string? H1 => Document.QuerySelector("h1")?.TextContent.Trim();
    }
}

/// <summary>Reaches into the app the way an operator would: the database, the outbox.</summary>
public static partial class AppData
{
    public static async Task<T> WithServicesAsync<T>(this YhdessaApp app, Func<IServiceProvider, Task<T>> action)
    {
        using var scope = app.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    public static Task<List<OutgoingEmail>> MailToAsync(this YhdessaApp app, string to) =>
        app.WithServicesAsync(services => services.GetRequiredService<YhdessaDb>().Set<OutgoingEmail>()
            .Where(m => m.To == to).OrderBy(m => m.Id).ToListAsync());

    /// <summary>The link in the latest mail to the address, as a path on the test server, plus the full link.</summary>
    public static async Task<(string Path, string Full)> LinkInLatestMailAsync(this YhdessaApp app, string to)
    {
        var mail = (await app.MailToAsync(to)).LastOrDefault() ?? throw new InvalidOperationException($"No mail to {to}");
        var full = LinkPattern().Match(mail.TextBody).Value;
        var uri = new Uri(full);
        return (uri.PathAndQuery, full);
    }

    public static Task<User?> FindUserAsync(this YhdessaApp app, string email) =>
        app.WithServicesAsync(services => services.GetRequiredService<UserManager<User>>().FindByEmailAsync(email));

    public static Task<string> CreateUserAsync(this YhdessaApp app, string email, string password, params string[] roles) =>
        app.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Testi Henkilö", CreatedAt = DateTimeOffset.UtcNow };
            var result = await users.CreateAsync(user, password);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
            if (roles.Length > 0) await users.AddToRolesAsync(user, roles);
            return user.Id;
        });

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
