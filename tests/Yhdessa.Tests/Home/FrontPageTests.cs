namespace Yhdessa.Tests.Home;

[Collection("Home on SQLite")]
public sealed class FrontPageOnSqlite(SqliteApp app) : FrontPageTests(app);
[Collection("Home on PostgreSQL")]
public sealed class FrontPageOnPostgres(PostgresApp app) : FrontPageTests(app);

public abstract class FrontPageTests(YhdessaApp app)
{
    [Theory]
    [InlineData("fi", "Asunnottomuustyön kehittäjäverkosto")]
    [InlineData("sv", "Utvecklingsnätverket inom arbetet mot bostadslöshet")]
    [InlineData("en", "The development network in homelessness work")]
    public async Task Front_page_speaks_the_chosen_language(string language, string heading)
    {
        var html = await app.CreateClient().GetStringAsync($"/?culture={language}");

        Assert.Contains($"<html lang=\"{language}\"", html);
        Assert.Contains($"<h1>{heading}</h1>", html);
    }

    [Theory]
    [InlineData("fi", "Rekisteröidy", "Omat sivut")]
    [InlineData("sv", "Registrera dig", "Mina sidor")]
    [InlineData("en", "Sign up", "My page")]
    public async Task Signing_up_is_offered_to_visitors_and_the_own_page_to_those_signed_in(string language, string signUp, string myPage)
    {
        static string[] Cards(WebBrowser.Page page) => [.. page.Document.QuerySelectorAll("main .card h2 a").Select(a => $"{a.TextContent} {a.GetAttribute("href")}")];
        var visitor = WebBrowser.Open(app);
        Assert.Contains($"{signUp} /account/sign-up", Cards(await visitor.OpenAsync($"/?culture={language}")));

        var email = $"etusivu.{language}.{Guid.NewGuid():N}@example.fi";
        await app.CreateUserAsync(email, "etusivun salasana 2026");
        var member = await app.SignInAsync(email, "etusivun salasana 2026");
        var cards = Cards(await member.OpenAsync($"/?culture={language}"));
        Assert.Contains($"{myPage} /my", cards);
        Assert.DoesNotContain(cards, card => card.EndsWith("/account/sign-up"));
    }

    [Fact]
    public async Task Finnish_is_the_default_and_written_as_characters()
    {
        var html = await app.CreateClient().GetStringAsync("/");

        Assert.Contains("<html lang=\"fi\"", html);
        Assert.Contains("Yhdessä", html);
        Assert.DoesNotContain("&#xE4;", html);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var response = await app.CreateClient().GetAsync("/");

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }

    [Fact]
    public async Task Unknown_page_gets_the_translated_not_found_page()
    {
        var response = await app.CreateClient().GetAsync("/no-such-page?culture=sv");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Sidan hittades inte", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_answers_and_ready_checks_the_database()
    {
        var client = app.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }
}
