using Yhdessa.Features.Account;
using Yhdessa.Features.Communication;
using Yhdessa.Features.Events;
using Yhdessa.Features.Materials;
using Yhdessa.Features.Monitoring;
using Yhdessa.Features.Needs;
using Yhdessa.Features.Network;
using Yhdessa.Features.Surveys;
using Yhdessa.Features.Workspaces;
using Yhdessa.Platform;
using Yhdessa.Platform.Data;

// The whole system: the platform every feature stands on, then each feature with all of its services.
var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();
builder.AddAccounts();
builder.AddNetwork();
builder.AddEvents();
builder.AddSurveys();
builder.AddMaterials();
builder.AddNeeds();
builder.AddCommunication();
builder.AddMonitoring();
builder.AddWorkspaces();

var app = builder.Build();
app.UsePlatform();
app.MapNetwork();
app.MapEvents();
app.MapMaterials();
app.MapNeeds();
app.MapCommunication();
app.MapMonitoring();
app.MapWorkspaces();
// The language switch, the benchmark yardstick and, last, the not-found fallback.
app.MapPlatformEndpoints();

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
