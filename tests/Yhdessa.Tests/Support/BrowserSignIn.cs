using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Yhdessa.Tests.Support;

/// <summary>Signing in through the sign-in form in a browser tab, as a person does, with the authenticator code when
/// the account has two-step sign-in.</summary>
public static class BrowserSignIn
{
    /// <summary>The password of the demo accounts (the app with demo content).</summary>
    public const string DemoPassword = "demo-Yhdessa-2026!";

    // Each step waits for the next address only, not for its page's load event: in whole runs a load event was
    // sometimes never reported although the page had loaded, and the next step waits for what it needs anyway.
    // (WaitForURLAsync waits for the load event when the address has changed already, so the address is polled.)

    public static async Task SignInAsync(this IPage page, string email, string password, string? authenticatorKey = null)
    {
        await page.GotoAsync("/account/sign-in");
        await page.Locator("input[type=email]").FillAsync(email);
        await page.Locator("input[type=password]").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        if (authenticatorKey is not null)
        {
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/sign-in/two-factor"));
            await page.Locator("input[name=Code]").FillAsync(Totp.Code(authenticatorKey, DateTimeOffset.UtcNow));
            await page.Locator("main form button[type=submit]").ClickAsync();
        }
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/account/sign-in"));
    }
}
