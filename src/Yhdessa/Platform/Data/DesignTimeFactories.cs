using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Yhdessa.Platform.Data;

// Used only by `dotnet ef migrations add` (see tools/migrations.sh); the connection is never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteYhdessaDb>
{
    public SqliteYhdessaDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteYhdessaDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresYhdessaDb>
{
    public PostgresYhdessaDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresYhdessaDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
