using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Yhdessa.Tests;

/// <summary>The whole app on a fresh SQLite database in its own folder, without demo content.</summary>
public sealed class YhdessaApp : WebApplicationFactory<Program>
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "yhdessa-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Yhdessa:DataDirectory", dataDirectory);
        builder.UseSetting("Yhdessa:DemoData", "false");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }
}
