namespace Yhdessa.Tests.Bench;

[Collection("Bench on SQLite")]
public sealed class PublicPageCacheOnSqlite(SqliteApp app) : PublicPageCacheTests(app);
[Collection("Bench on PostgreSQL")]
public sealed class PublicPageCacheOnPostgres(PostgresApp app) : PublicPageCacheTests(app);

/// <summary>Anonymous public pages can be output-cached: the server sets no cookie on them.
/// (The output cache stores no response that sets a cookie, so one stray cookie makes every visit render anew.)</summary>
public abstract class PublicPageCacheTests(YhdessaApp app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/?culture=sv")]
    public async Task Anonymous_front_page_sets_no_cookie(string path)
    {
        var response = await app.CreateClient().GetAsync(path);

        response.EnsureSuccessStatusCode();
        Assert.False(response.Headers.Contains("Set-Cookie"),
            "sets " + string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []));
    }
}
