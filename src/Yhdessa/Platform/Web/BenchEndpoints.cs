namespace Yhdessa.Platform.Web;

/// <summary>
/// The yardstick for bench/run.sh: the TechEmpower-style plaintext answer through the app's whole
/// middleware pipeline, so page figures can be read as a share of what the framework itself does on the
/// same machine in the same run. Off unless <c>Yhdessa:Bench:Plaintext</c> is true; never on in a real site.
/// </summary>
public static class BenchEndpoints
{
    public static WebApplication MapBenchEndpoints(this WebApplication app)
    {
        if (app.Configuration.GetValue("Yhdessa:Bench:Plaintext", false))
            app.MapGet("/bench/plaintext", () => Results.Text("Hello, World!"))
                .AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
