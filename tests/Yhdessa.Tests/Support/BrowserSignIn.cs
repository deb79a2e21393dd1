using Microsoft.Playwright;

namespace Yhdessa.Tests.Support;

/// <summary>Signing in through the sign-in form in a browser tab, as a person does, with the authenticator code when
/// the account has two-step sign-in.</summary>
public static class BrowserSignIn
{
    /// <summary>The password of the demo accounts (the app with demo content).</summary>
    public const string DemoPassword = "demo-Yhdessa-2026!";

    // Each step waits for the next address only (PageAddress), not for its page's load event.

    public static async Task SignInAsync(this IPage page, string email, string password, string? authenticatorKey = null)
    {
        await page.GotoAsync("/account/sign-in");
        await page.Locator("input[type=email]").FillAsync(email);
        await page.Locator("input[type=password]").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        if (authenticatorKey is not null)
        {
            await page.WaitForAddressAsync(url => url.Contains("/account/sign-in/two-factor"));
            await page.Locator("input[name=Code]").FillAsync(Totp.Code(authenticatorKey, DateTimeOffset.UtcNow));
            await page.Locator("main form button[type=submit]").ClickAsync();
        }
        await page.WaitForAddressAsync(url => !url.Contains("/account/sign-in"));
    }
}
