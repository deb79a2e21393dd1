using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Yhdessa.Platform.Web;

namespace Yhdessa.Tests.Platform;

/// <summary>
/// Links that leave the site (email, the calendar feed) use Yhdessa:BaseUrl; without it, the address the server is told
/// to listen on, so that a developer running on another port gets links that open; never the request's Host header.
/// A Production site without it says so at start. SQLite only: the address does not depend on the database engine.
/// </summary>
public sealed class PublicAddressTests
{
    [Theory]
    [InlineData("urls", "http://0.0.0.0:8080;https://0.0.0.0:8443", "http://localhost:8080")]
    [InlineData("urls", "https://*:7001", "https://localhost:7001")]
    [InlineData("urls", "http://+:80", "http://localhost:80")]
    [InlineData("urls", "http://[::]:8081/", "http://localhost:8081")]
    [InlineData("urls", "http://palvelin.example.fi:8080", "http://palvelin.example.fi:8080")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://127.0.0.1:6000", "http://127.0.0.1:6000")]
    [InlineData("http_ports", "8080", "http://localhost:8080")]
    [InlineData("unrelated", "x", "http://localhost:5000")]
    public void Without_a_base_url_links_use_the_first_address_the_server_listens_on(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

        Assert.False(PublicAddress.IsConfigured(configuration));
        Assert.Equal(expected, PublicAddress.FromListening(configuration));
    }

    [Fact]
    public async Task A_reset_link_points_to_where_the_app_runs_and_not_to_a_forged_host()
    {
        await using var app = new YhdessaApp(Engine.Sqlite, builder => builder
            .UseSetting("Yhdessa:BaseUrl", "")
            .UseSetting("urls", "http://0.0.0.0:5123"));
        var email = $"osoite.{Guid.NewGuid():N}@example.fi";
        await app.CreateUserAsync(email, "osoitteen salasana 2026");
        var browser = WebBrowser.Open(app);
        browser.Client.DefaultRequestHeaders.Host = "huijaus.example";

        await browser.SubmitAsync("/account/forgot-password", new() { ["Email"] = email });

        Assert.StartsWith("http://localhost:5123/account/reset-password", (await app.LinkInLatestMailAsync(email)).Full);
        Assert.Contains("webcal://localhost:5123/events.ics", await app.CreateClient().GetStringAsync("/events"));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("https://yhdessa.example.fi", false)]
    public async Task Production_without_a_base_url_warns_at_start(string baseUrl, bool warned)
    {
        var logs = new LogCapture();
        await using var app = new YhdessaApp(Engine.Sqlite, builder => builder
            .UseEnvironment("Production")
            .UseSetting("Yhdessa:BaseUrl", baseUrl)
            .ConfigureLogging(logging => logging.AddProvider(logs)));

        Assert.Equal("Healthy", await app.CreateClient().GetStringAsync("/health/ready"));

        Assert.Equal(warned, logs.Messages.Any(m => m.Contains("Yhdessa:BaseUrl is not set")));
    }
}
