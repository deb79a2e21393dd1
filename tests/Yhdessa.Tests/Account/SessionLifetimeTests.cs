using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;


namespace Yhdessa.Tests.Account;

[Collection("Account on SQLite")]
public sealed class SessionLifetimeOnSqlite(SqliteApp app) : SessionLifetimeTests(app);
[Collection("Account on PostgreSQL")]
public sealed class SessionLifetimeOnPostgres(PostgresApp app) : SessionLifetimeTests(app);

/// <summary>A session ends after half an hour without use, and twelve hours after sign-in however busy it is.</summary>
public abstract class SessionLifetimeTests(YhdessaApp app)
{
    private const string Password = "kuusi kaunista kukkaa";

    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    private async Task<WebBrowser> SignedInAsync(WebApplicationFactory<Program> on)
    {
        var email = $"istunto-{Guid.NewGuid():N}@example.fi";
        await app.CreateUserAsync(email, Password);
        var browser = new WebBrowser(on.CreateClient());
        var page = await browser.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal("/account", page.Path);
        return browser;
    }

    private WebApplicationFactory<Program> WithClock() =>
        app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));

    [Fact]
    public async Task A_session_idle_for_half_an_hour_ends()
    {
        var browser = await SignedInAsync(WithClock());

        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal("/account", (await browser.OpenAsync("/account")).Path);
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.StartsWith("/account/sign-in", (await browser.OpenAsync("/account")).Path);
    }

    [Fact]
    public async Task A_session_in_use_ends_twelve_hours_after_sign_in()
    {
        var browser = await SignedInAsync(WithClock());

        // Used every 20 minutes, the session lives on until the twelfth hour…
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(12) - TimeSpan.FromMinutes(20); elapsed += TimeSpan.FromMinutes(20))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal("/account", (await browser.OpenAsync("/account")).Path);
        }

        // …and not past it.
        clock.Advance(TimeSpan.FromMinutes(21));
        Assert.StartsWith("/account/sign-in", (await browser.OpenAsync("/account")).Path);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.StartsWith("/account/sign-in", (await browser.OpenAsync("/account")).Path);
    }

    [Fact]
    public async Task Session_and_form_cookies_are_http_only_and_same_site_lax()
    {
        var browser = WebBrowser.Open(app, followRedirects: false);
        var form = await browser.Client.GetAsync("/account/sign-in");
        var token = (await browser.GetAsync("/account/sign-in")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var email = $"istunto-{Guid.NewGuid():N}@example.fi";
        await app.CreateUserAsync(email, Password);
        var signIn = await browser.Client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = Password, ["__RequestVerificationToken"] = token,
        }));

        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery."));
        var session = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("yhdessa.session="));
        foreach (var cookie in new[] { antiforgery, session })
        {
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }
}

/// <summary>In production the session and form cookies are sent over HTTPS only.</summary>
public sealed class ProductionCookieTests
{
    [Fact]
    public async Task Production_cookies_are_secure_only()
    {
        await using var app = new SqliteApp();
        await using var production = app.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        _ = production.CreateClient();

        var session = production.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var antiforgery = production.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value;
        Assert.Equal(CookieSecurePolicy.Always, session.Cookie.SecurePolicy);
        Assert.Equal(CookieSecurePolicy.Always, antiforgery.Cookie.SecurePolicy);
        Assert.Equal(SameSiteMode.Lax, antiforgery.Cookie.SameSite);
        Assert.Equal(TimeSpan.FromMinutes(30), session.ExpireTimeSpan);
        Assert.True(session.SlidingExpiration);
    }
}
