using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;


namespace Yhdessa.Tests.Account;

[Collection("Account on SQLite")]
public sealed class LastCoordinatorOnSqlite(SqliteApp app) : LastCoordinatorTests(app);
[Collection("Account on PostgreSQL")]
public sealed class LastCoordinatorOnPostgres(PostgresApp app) : LastCoordinatorTests(app);

/// <summary>The service always keeps one enabled coordinator, whoever tries to remove the last one and however.</summary>
public abstract class LastCoordinatorTests(YhdessaApp app)
{
    private const string Password = "koordinaattorin oma salasana";

    private async Task<(string Id, WebBrowser WebBrowser)> CoordinatorAsync()
    {
        var email = $"koord-{Guid.NewGuid():N}@example.fi";
        var id = await app.CreateUserAsync(email, Password, Roles.Coordinator, Roles.Member);
        var browser = WebBrowser.Open(app);
        Assert.Equal("/account", (await browser.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password })).Path);
        return (id, browser);
    }

    /// <summary>Disables every account but these, so that they are the only coordinators.</summary>
    private Task OnlyAsync(params string[] ids) => app.WithServicesAsync(services =>
        services.GetRequiredService<YhdessaDb>().Users.Where(u => !ids.Contains(u.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true)));

    private Task<int> ActiveCoordinatorsAsync() => app.WithServicesAsync(async services =>
        (await services.GetRequiredService<UserManager<User>>().GetUsersInRoleAsync(Roles.Coordinator)).Count(u => !u.IsDisabled));

    [Fact]
    public async Task The_last_coordinator_cannot_delete_their_own_account()
    {
        var (id, browser) = await CoordinatorAsync();
        await OnlyAsync(id);

        var page = await browser.SubmitAsync("/account/delete", new() { ["Password"] = Password });

        Assert.Equal("/account/delete", page.Path);
        Assert.Contains("Olet palvelun ainoa käytössä oleva koordinaattori", page.ErrorSummary);
        Assert.Equal(1, await ActiveCoordinatorsAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.OpenAsync("/admin/people")).Status);

        // With a second coordinator, the account can go.
        var (other, _) = await CoordinatorAsync();
        var deleted = await browser.SubmitAsync("/account/delete", new() { ["Password"] = Password });
        Assert.Equal("/", deleted.Path);
        Assert.Equal(1, await ActiveCoordinatorsAsync());
        Assert.Null(await app.WithServicesAsync(services => services.GetRequiredService<UserManager<User>>().FindByIdAsync(id)));
        Assert.NotNull(await app.WithServicesAsync(services => services.GetRequiredService<UserManager<User>>().FindByIdAsync(other)));
    }

    [Fact]
    public async Task Two_coordinators_demoting_each_other_at_once_leave_one()
    {
        for (var round = 0; round < 4; round++)
        {
            var (first, firstBrowser) = await CoordinatorAsync();
            var (second, secondBrowser) = await CoordinatorAsync();
            await OnlyAsync(first, second);
            // Both forms are open before either is sent, as two people would have them.
            var firstForm = await FormAsync(firstBrowser, second);
            var secondForm = await FormAsync(secondBrowser, first);

            var pages = await Task.WhenAll(
                firstBrowser.PostAsync($"/admin/people/{second}?handler=Roles", firstForm),
                secondBrowser.PostAsync($"/admin/people/{first}?handler=Roles", secondForm));

            Assert.Equal(1, await ActiveCoordinatorsAsync());
            // One change went through; the other was refused, with the reason or because its sender is no
            // longer a coordinator.
            Assert.Single(pages, p => p.Path.StartsWith("/admin/people/") && p.ErrorSummary is null && p.Status == HttpStatusCode.OK);
        }
    }

    private static async Task<List<KeyValuePair<string, string>>> FormAsync(WebBrowser browser, string id)
    {
        var page = await browser.GetAsync($"/admin/people/{id}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return [new("Roles", Roles.Member), new("__RequestVerificationToken", token)];
    }
}
