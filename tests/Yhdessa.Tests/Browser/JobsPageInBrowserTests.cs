using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Support;

namespace Yhdessa.Tests.Browser;

/// <summary>/admin/jobs on a phone: the page does not scroll sideways (the table scrolls in its own region, which the
/// keyboard reaches), and axe-core finds nothing. SQLite only: the page is the same on both engines.</summary>
public sealed class JobsPageInBrowserTests(SqliteBrowserApp browser) : IClassFixture<SqliteBrowserApp>
{
    private const string Password = "kolme vihreää omenaa puussa";

    [Fact]
    public async Task The_jobs_page_reads_at_375_pixels()
    {
        var email = $"koordinaattori-{Guid.NewGuid():N}@example.fi";
        using (var scope = browser.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Koordinaattori", CreatedAt = DateTimeOffset.UtcNow };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRolesAsync(user, [Roles.Coordinator, Roles.Member]);
        }
        var page = await browser.NewPageAsync(width: 375, height: 800);
        await page.GotoAsync("/account/sign-in");
        await page.Locator("input[type=email]").FillAsync(email);
        await page.Locator("input[type=password]").FillAsync(Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForAddressAsync(url => !url.Contains("/account/sign-in"));

        await page.GotoAsync("/admin/jobs");
        // The app's jobs run at start: the email sender's row soon shows its outcome.
        var emailRow = page.Locator("tbody tr", new PageLocatorOptions { Has = page.Locator("th", new PageLocatorOptions { HasText = "Sähköpostien lähetys" }) });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await emailRow.TextContentAsync() ?? "").Contains("Onnistui"))
        {
            Assert.True(DateTime.UtcNow < deadline, "The email sender's outcome did not show");
            await Task.Delay(100);
            await page.ReloadAsync();
        }
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "the page scrolls sideways at 375 px");
        Assert.Equal("0", await page.Locator(".table-wrap").GetAttributeAsync("tabindex"));
        await Axe.AssertNoViolationsAsync(page);
    }
}
