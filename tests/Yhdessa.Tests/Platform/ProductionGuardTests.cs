using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Yhdessa.Tests.Platform;

/// <summary>Demo accounts have a published password, so a Production site refuses to start while demo data is
/// switched on or a demo account is in its database.</summary>
public sealed class ProductionGuardTests
{
    private static WebApplicationFactory<Program> InProduction(YhdessaApp app, bool demoData) =>
        app.WithWebHostBuilder(builder => builder
            .UseEnvironment("Production")
            .UseSetting("Yhdessa:DemoData", demoData ? "true" : "false"));

    [Fact]
    public async Task Production_refuses_to_start_with_demo_data_on()
    {
        await using var app = new SqliteApp();
        await using var production = InProduction(app, demoData: true);

        var error = Assert.Throws<InvalidOperationException>(() => production.CreateClient());
        Assert.Contains("DemoData", error.Message);
    }

    [Fact]
    public async Task Production_refuses_to_start_on_a_database_with_demo_accounts()
    {
        await using var app = new SqliteApp();
        await using (var demo = app.WithWebHostBuilder(builder => builder.UseSetting("Yhdessa:DemoData", "true")))
            _ = demo.CreateClient();

        await using var production = InProduction(app, demoData: false);

        var error = Assert.Throws<InvalidOperationException>(() => production.CreateClient());
        Assert.Contains("demo account", error.Message);
    }

    [Fact]
    public async Task Production_starts_on_a_clean_database()
    {
        await using var app = new SqliteApp();
        await using var production = InProduction(app, demoData: false);

        Assert.Equal("Healthy", await production.CreateClient().GetStringAsync("/health/ready"));
    }
}
