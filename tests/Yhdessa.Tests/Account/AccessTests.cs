using System.Net;
using Yhdessa.Platform.Identity;


namespace Yhdessa.Tests.Account;

[Collection("Account on SQLite")]
public sealed class AccountAccessOnSqlite(SqliteApp app) : AccountAccessTests(app);
[Collection("Account on PostgreSQL")]
public sealed class AccountAccessOnPostgres(PostgresApp app) : AccountAccessTests(app);

/// <summary>Who may open which account page: the public ones for everybody, the own-account ones only signed in,
/// the people pages only for coordinators.</summary>
public abstract class AccountAccessTests(YhdessaApp app)
{
    private const string Password = "vihreä niitty kesällä";

    public static TheoryData<string> PublicPages =>
    [
        "/account/sign-in", "/account/sign-up", "/account/check-email", "/account/forgot-password",
        "/account/reset-password?userId=x&token=y", "/account/confirm-email?userId=x&token=y",
        "/account/confirm-email-change?userId=x&address=x&token=y", "/account/sign-out",
    ];

    public static TheoryData<string> OwnPages =>
    [
        "/account", "/account/profile", "/account/email", "/account/password", "/account/two-factor",
        "/account/two-factor/enable", "/account/my-data", "/account/delete", "/my",
    ];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Public_pages_open_for_everybody(string url) =>
        Assert.Equal(HttpStatusCode.OK, (await WebBrowser.Open(app).OpenAsync(url)).Status);

    [Theory]
    [MemberData(nameof(OwnPages))]
    [InlineData("/admin/people")]
    public async Task Other_pages_send_a_visitor_to_sign_in(string url)
    {
        var page = await WebBrowser.Open(app).OpenAsync(url);
        Assert.StartsWith("/account/sign-in?ReturnUrl=", page.Path);
    }

    [Theory]
    [MemberData(nameof(OwnPages))]
    public async Task Own_pages_open_for_a_member(string url)
    {
        var email = $"paasy-{Guid.NewGuid():N}@example.fi";
        await app.CreateUserAsync(email, Password, Roles.Member);
        var browser = WebBrowser.Open(app);
        await browser.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });

        var page = await browser.OpenAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(url, page.Path);
    }

    [Theory]
    [InlineData(Roles.Member, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Reporter, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Coordinator, HttpStatusCode.OK)]
    public async Task People_pages_open_only_for_coordinators(string role, HttpStatusCode expected)
    {
        var email = $"rooli-{Guid.NewGuid():N}@example.fi";
        var id = await app.CreateUserAsync(email, Password, role);
        var browser = WebBrowser.Open(app);
        await browser.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });

        Assert.Equal(expected, (await browser.OpenAsync("/admin/people")).Status);
        Assert.Equal(expected, (await browser.OpenAsync($"/admin/people/{id}")).Status);
    }
}
