using Yhdessa.Features.Account;
using Yhdessa.Platform;
using Yhdessa.Platform.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();

var app = builder.Build();
app.UsePlatform();

if (CreateCoordinatorCommand.IsRequested(args))
{
    // An operator's command: it runs and exits without starting the server.
    return await CreateCoordinatorCommand.RunAsync(app, args, Console.Out);
}

await app.PrepareDatabaseAsync();
app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("Yhdessä is ready at {Urls}", string.Join(", ", app.Urls)));
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests.</summary>
public partial class Program;
