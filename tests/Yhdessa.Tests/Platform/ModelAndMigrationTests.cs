using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Platform.Data;

namespace Yhdessa.Tests.Platform;

[Collection("Platform on SQLite")]
public sealed class ModelAndMigrationsOnSqlite(SqliteApp app) : ModelAndMigrationTests(app);
[Collection("Platform on PostgreSQL")]
public sealed class ModelAndMigrationsOnPostgres(PostgresApp app) : ModelAndMigrationTests(app);

/// <summary>Each engine has its own migrations: a change of the model without a migration for that engine would
/// start fine on a fresh test database and fail on a real one.</summary>
public abstract class ModelAndMigrationTests(YhdessaApp app)
{
    [Fact]
    public async Task Every_model_change_has_its_migration_and_every_migration_is_applied()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes without a migration for {db.Database.ProviderName}: see tools/migrations.sh");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }
}
