using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Platform.Data;

/// <summary>
/// The one database of the platform. Each feature adds its own tables in a partial class beside its
/// entities (e.g. <c>Features/Network/NetworkTables.cs</c>) and its configuration as
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes, which are picked up from this assembly.
/// The engine-specific subclasses only exist so that each engine has its own migrations.
/// </summary>
public abstract partial class YhdessaDb(DbContextOptions options)
    : IdentityDbContext<User, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(YhdessaDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // DateTimeOffset is kept in UTC; SQLite cannot order or compare it natively, so it is stored
        // there as ticks (see SqliteYhdessaDb). PostgreSQL keeps timestamptz.
        base.ConfigureConventions(conventions);
    }
}

public sealed class SqliteYhdessaDb(DbContextOptions<SqliteYhdessaDb> options) : YhdessaDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        base.ConfigureConventions(conventions);
        conventions.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicks>();
        conventions.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcTicks>();
    }
}

public sealed class PostgresYhdessaDb(DbContextOptions<PostgresYhdessaDb> options) : YhdessaDb(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var type in typeof(YhdessaDb).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPostgresModel).IsAssignableFrom(t)))
            ((IPostgresModel)Activator.CreateInstance(type, nonPublic: true)!).Configure(builder);
    }
}

/// <summary>What a feature's model has on PostgreSQL only (extensions, index methods such as GIN), picked up from
/// this assembly like the <see cref="IEntityTypeConfiguration{TEntity}"/> classes.</summary>
public interface IPostgresModel
{
    void Configure(ModelBuilder builder);
}
