using Yhdessa.Platform;
using Yhdessa.Platform.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();

var app = builder.Build();
app.UsePlatform();

await app.PrepareDatabaseAsync();
app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("Yhdessä is ready at {Urls}", string.Join(", ", app.Urls)));
await app.RunAsync();

/// <summary>The entry point, visible to the integration tests.</summary>
public partial class Program;
