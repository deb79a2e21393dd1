using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Tests.Network;

/// <summary>
/// TEST HELPER ONLY: signs a request in as the user whose id is in the <c>X-Test-User</c> header, so the network
/// tests need no sign-in page. Challenge and forbid stay with the real Identity cookie, so an anonymous visitor
/// is still sent to /account/sign-in and a member without rights to /account/access-denied.
/// </summary>
public sealed class TestUserAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, SignInManager<User> signIn) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "NetworkTestUser";
    public const string Header = "X-Test-User";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var id)) return AuthenticateResult.NoResult();
        var user = await signIn.UserManager.FindByIdAsync(id.ToString());
        if (user is null) return AuthenticateResult.Fail("No such test user");
        // The principal Identity itself would put in the session cookie (id, name, roles), so pages see a real sign-in.
        var principal = await signIn.CreateUserPrincipalAsync(user);
        // An account with two-step sign-in can only sign in with its second step (no browser is remembered), which
        // marks the session as Identity does.
        if (await signIn.UserManager.GetTwoFactorEnabledAsync(user))
            principal.Identities.First().AddClaim(new Claim("amr", "mfa"));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

/// <summary>TEST HELPER: the app of a fixture with <see cref="TestUserAuthHandler"/> added; one per fixture.</summary>
public static class NetworkTestHost
{
    private static readonly ConditionalWeakTable<YhdessaApp, WebApplicationFactory<Program>> Hosts = new();

    public static WebApplicationFactory<Program> For(YhdessaApp app) =>
        Hosts.GetValue(app, fixture => fixture.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestUserAuthHandler>(TestUserAuthHandler.SchemeName, null);
            services.PostConfigure<AuthenticationOptions>(options => options.DefaultAuthenticateScheme = TestUserAuthHandler.SchemeName);
        })));

    /// <summary>A client that does not follow redirects, signed in as <paramref name="userId"/> or anonymous.</summary>
    public static HttpClient Client(this WebApplicationFactory<Program> host, string? userId = null)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (userId is not null) client.DefaultRequestHeaders.Add(TestUserAuthHandler.Header, userId);
        return client;
    }

    public static async Task<string> CreateUserAsync(this WebApplicationFactory<Program> host, string name, string? role = null)
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var email = $"{Guid.NewGuid():N}@example.org";
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        if (role is not null) Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    }

    /// <summary>Runs <paramref name="work"/> on the app's database, then clears the public page cache as the app does after its own writes.</summary>
    public static async Task<T> WithDbAsync<T>(this WebApplicationFactory<Program> host, Func<YhdessaDb, Task<T>> work)
    {
        using var scope = host.Services.CreateScope();
        var result = await work(scope.ServiceProvider.GetRequiredService<YhdessaDb>());
        await scope.ServiceProvider.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicPages.Tag, default);
        return result;
    }

    public static Task WithDbAsync(this WebApplicationFactory<Program> host, Func<YhdessaDb, Task> work) =>
        host.WithDbAsync(async db => { await work(db); return 0; });

    /// <summary>GETs the form page for its antiforgery token (and cookie), then posts the fields like a browser.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formUrl,
        IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var all = fields.Append(new("__RequestVerificationToken", await FormTokenAsync(client, formUrl)));
        return await client.PostAsync(postUrl ?? formUrl, new FormUrlEncodedContent(all));
    }

    /// <summary>Sends a form with a file as a browser does (multipart, with the form page's antiforgery token); the file,
    /// when given, goes in the field <c>image</c>.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(this HttpClient client, string formUrl,
        IEnumerable<(string Name, string Value)> fields, byte[]? image = null, string fileName = "kuva.png")
    {
        var form = new MultipartFormDataContent { { new StringContent(await FormTokenAsync(client, formUrl)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        if (image is not null)
        {
            var file = new ByteArrayContent(image);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "image", fileName);
        }
        return await client.PostAsync(formUrl, form);
    }

    /// <summary>The antiforgery token of the form page (its cookie stays in the client), for posts sent without a GET each.</summary>
    public static async Task<string> FormTokenAsync(this HttpClient client, string formUrl)
    {
        var page = await client.GetAsync(formUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "The form has no antiforgery token");
        return token;
    }

    /// <summary>The same form sent <paramref name="times"/> times at once, like a button pressed again before the page changed.</summary>
    public static async Task<HttpResponseMessage[]> PostFormAtOnceAsync(this HttpClient client, string formUrl, int times,
        IEnumerable<(string Name, string Value)> fields, string? postUrl = null)
    {
        var token = await client.FormTokenAsync(formUrl);
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", token)).ToList();
        return await Task.WhenAll(Enumerable.Range(0, times)
            .Select(_ => client.PostAsync(postUrl ?? formUrl, new FormUrlEncodedContent(all))));
    }

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formUrl, params (string Name, string Value)[] fields) =>
        client.PostFormAsync(formUrl, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>A member without rights is refused: 403, or the Identity cookie's redirect to the access-denied page.</summary>
    public static void AssertForbidden(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden) return;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", LocalPath(response));
    }

    public static string LocalPath(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location?.OriginalString ?? "";

    public static void AssertSignInRedirect(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", LocalPath(response));
    }
}
