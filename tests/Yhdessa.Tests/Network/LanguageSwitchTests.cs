using System.Net;

namespace Yhdessa.Tests.Network;

[Collection("Network on SQLite")]
public sealed class LanguageSwitchOnSqlite(SqliteApp app) : LanguageSwitchTests(app);
[Collection("Network on PostgreSQL")]
public sealed class LanguageSwitchOnPostgres(PostgresApp app) : LanguageSwitchTests(app);

/// <summary>The language switcher in the header comes back only to a page of this site, whatever its returnUrl says.</summary>
public abstract class LanguageSwitchTests(YhdessaApp app)
{
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host = NetworkTestHost.For(app);

    [Fact]
    public async Task The_switch_returns_to_the_page_in_the_chosen_language()
    {
        var response = await host.Client().GetAsync("/language?to=sv&returnUrl=%2Fnetwork%2Fgroups%3Fpage%3D1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/network/groups?page=1", NetworkTestHost.LocalPath(response));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), cookie => cookie.Contains("sv"));
    }

    [Theory]
    [InlineData("%2F%09%2Fevil.example")]        // "/\t/evil.example": a browser drops the tab and goes to //evil.example
    [InlineData("%2F%0A%2Fevil.example")]        // the same with a line break
    [InlineData("%2F%2Fevil.example")]            // "//evil.example"
    [InlineData("%2F%5Cevil.example")]            // "/\evil.example"
    [InlineData("https%3A%2F%2Fevil.example%2F")] // an absolute address
    [InlineData("%2F%E3%80%82evil.example")]      // "/。evil.example": no plain path, and not sendable in a Location header
    [InlineData("%2Fnetwork%2Fs%C3%A4%C3%A4ti%C3%B6")] // "/network/säätiö" unescaped: the switcher sends it escaped
    [InlineData("%2Fevents%5C..%5Cevil")]         // a backslash anywhere
    [InlineData("%2Fa%20b")]                      // a space
    public async Task A_returnUrl_off_the_site_leads_to_the_front_page(string returnUrl)
    {
        var response = await host.Client().GetAsync($"/language?to=en&returnUrl={returnUrl}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
