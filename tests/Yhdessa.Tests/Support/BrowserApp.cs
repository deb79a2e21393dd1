using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Yhdessa.Tests.Support;

public sealed class SqliteBrowserApp() : BrowserApp(new SqliteApp());

/// <summary>
/// The app on a real Kestrel port on loopback, one headless Chromium, and an <see cref="SmtpInbox"/> that
/// receives the app's email, for a whole test class. <c>Yhdessa:BaseUrl</c> is the Kestrel address, so links
/// in email open in the browser. Chromium is Debian's headless shell (<c>/usr/bin/chromium-headless-shell</c>,
/// installed by test.sh): the same engine as the desktop browser without its window, GPU process and browser UI,
/// which took a third of the browser tests' processor time. Playwright never downloads a browser. Each test opens
/// its own <see cref="NewPageAsync"/>, which has its own cookies, so tests share neither a language nor a sign-in.
/// </summary>
public abstract class BrowserApp(YhdessaApp database) : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium-headless-shell";

    private WebApplicationFactory<Program>? app;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public SmtpInbox Inbox { get; } = new();

    /// <summary>Where the app listens, such as <c>http://127.0.0.1:41235</c>.</summary>
    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{FreePort()}");

    /// <summary>The running app, for its services (a database scope, the outbox).</summary>
    public IServiceProvider Services => app!.Services;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run the tests with ./test.sh, which installs Debian's chromium-headless-shell.");
        app = database.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Yhdessa:BaseUrl", BaseAddress.ToString().TrimEnd('/'));
            builder.UseSetting("Yhdessa:Smtp:Host", Inbox.Host);
            builder.UseSetting("Yhdessa:Smtp:Port", Inbox.Port.ToString());
            builder.UseSetting("Yhdessa:Smtp:Security", "None");
            builder.UseSetting("Yhdessa:Smtp:PollInterval", "00:00:00.200");
            builder.UseSetting("Yhdessa:Jobs:Enabled", "true");
            // Every browser signs in from 127.0.0.1: a test class with a few two-step sign-ins passes the ten account
            // posts a minute one address gets, and whether it does depended on where the minute turned (429, a sign-in
            // that never left the code page). The limit itself is tested in Account/SessionTests and OwnAccountTests.
            builder.UseSetting("Yhdessa:RateLimits:AccountPermitsPerMinute", "100000");
            builder.UseSetting("Yhdessa:Needs:Visitors:PostsPerHour", "100000");
            builder.UseSetting("Yhdessa:Newsletter:RequestsPerHour", "100000");
            builder.UseSetting("Yhdessa:Newsletter:PollInterval", "00:00:00.200");
            builder.UseSetting("Yhdessa:Newsletter:MessagesPerSecond", "1000");
        });
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, BaseAddress.Port));
        app.StartServer();

        // Expect(...) assertions wait 5 s by default: as long as the page waits below, for the same reason.
        Assertions.SetDefaultExpectTimeout(60_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
        });
    }

    /// <summary>A fresh browser tab with its own cookies; 1280 × 800 unless a viewport is given.
    /// <paramref name="javaScript"/> false shows the site as it must also work: without any script. <paramref name="axe"/>
    /// false leaves axe-core out of a tab that never checks with it: parsing its half megabyte costs every page opened.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800, bool javaScript = true, bool axe = true)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "fi-FI",
        });
        // Generous: on two cores the browser shares the machine with the parallel test classes. In the first minute
        // of a whole run, while dozens of test hosts start, a signed-in page once took over 30 s to load (measured
        // again with the class alone beside four busy loops: signed in correctly, page slow).
        context.SetDefaultTimeout(60_000);
        if (axe) await Axe.InstallAsync(context);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (app is not null) await app.DisposeAsync();
        await database.DisposeAsync();
        await Inbox.DisposeAsync();
    }

    // Kestrel could pick a port itself, but BaseUrl (links in email) must name it before the app starts.
    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
