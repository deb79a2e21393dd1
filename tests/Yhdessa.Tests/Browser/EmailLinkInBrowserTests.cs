using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;

namespace Yhdessa.Tests.Browser;

// SQLite only: what a page shows and does is the same on both engines, which the HTTP tests of each feature prove.
/// <summary>
/// The plumbing of every journey that goes through email (confirm the address, reset the password):
/// the app's mail reaches the test inbox over SMTP, and the link in it opens the app in the browser.
/// </summary>
public sealed class EmailLinkInBrowserTests(SqliteBrowserApp browser) : IClassFixture<SqliteBrowserApp>
{
    [Fact]
    public async Task Link_in_an_email_from_the_app_opens_in_the_browser()
    {
        var to = $"aino.{Guid.NewGuid():N}@example.org";
        using (var scope = browser.Services.CreateScope())
        {
            var link = new Uri(browser.BaseAddress, "/accessibility?culture=sv");
            scope.ServiceProvider.GetRequiredService<EmailOutbox>().Enqueue(to, "Läs vår tillgänglighetsutlåtande", $"Öppna: {link}\n");
            await scope.ServiceProvider.GetRequiredService<YhdessaDb>().SaveChangesAsync();
        }

        var email = await browser.Inbox.WaitForMessageTo(to, TimeSpan.FromSeconds(15));
        var page = await browser.NewPageAsync();
        await page.GotoAsync(SmtpInbox.LinksIn(email).Single().ToString());

        Assert.Equal("sv", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("/accessibility", new Uri(page.Url).AbsolutePath);
    }
}
