using Microsoft.Playwright;

namespace Yhdessa.Tests.Support;

public static class PageAddress
{
    /// <summary>Waits until the tab's address satisfies <paramref name="arrived"/>, and no longer.</summary>
    /// <remarks>Playwright's WaitForURLAsync also waits for the page's load event when the address has changed
    /// already, and in whole runs that event was sometimes never reported for a page that had loaded (its network
    /// idle was); the next step of a test waits for the element it needs anyway.</remarks>
    public static async Task WaitForAddressAsync(this IPage page, Func<string, bool> arrived, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!arrived(page.Url))
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"The tab did not reach the expected address in {seconds} s; it is at {page.Url}");
            await Task.Delay(50);
        }
    }
}
