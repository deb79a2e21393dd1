using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Yhdessa.Tests.Support;

public sealed class SqliteBrowserApp() : BrowserApp(new SqliteApp());
public sealed class PostgresBrowserApp() : BrowserApp(new PostgresApp());

/// <summary>
/// The app on a real Kestrel port on loopback and one headless Chromium for a whole test class.
/// Chromium is Debian's (<c>/usr/bin/chromium</c>, installed by test.sh); Playwright never downloads a browser.
/// Each test opens its own <see cref="NewPageAsync"/>, which has its own cookies, so tests do not share a language or a sign-in.
/// </summary>
public abstract class BrowserApp(YhdessaApp app) : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public YhdessaApp App => app;

    /// <summary>Where the app listens, such as <c>http://127.0.0.1:41235</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run the tests with ./test.sh, which installs Debian's chromium.");
        app.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
        });
    }

    /// <summary>A fresh browser tab with its own cookies; 1280 × 800 unless a viewport is given.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "fi-FI",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        await app.DisposeAsync();
    }
}
