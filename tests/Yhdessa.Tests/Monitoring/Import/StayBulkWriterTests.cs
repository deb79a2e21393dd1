using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Import;

namespace Yhdessa.Tests.Monitoring.Import;

[Collection("Monitoring on SQLite")]
public sealed class StayBulkWriterOnSqlite(SqliteApp app) : StayBulkWriterTests(app);
[Collection("Monitoring on PostgreSQL")]
public sealed class StayBulkWriterOnPostgres(PostgresApp app) : StayBulkWriterTests(app);

/// <summary>The import's bulk writer bypasses EF Core, so what it writes must read back through EF Core exactly as
/// an entity saved by the forms, and it must take part in the import's transaction: a failure leaves nothing.</summary>
public abstract class StayBulkWriterTests(YhdessaApp app)
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 10, 30, 15, TimeSpan.Zero);

    [Fact]
    public async Task Written_stays_read_back_through_the_model_field_by_field()
    {
        var setting = await app.SettingAsync();
        var service = await app.DbAsync(db => db.HousingServices.Where(s => s.UnitId == setting.UnitId && s.Code == "A1").Select(s => s.Id).SingleAsync());
        NewStayRow[] rows =
        [
            new(setting.UnitId, service, "bulk-1", new DateOnly(2024, 12, 31), SituationBefore.TemporaryWithRelativesOrFriends, null, null, setting.RoundId),
            new(setting.UnitId, service, "bulk-2", new DateOnly(2025, 1, 1), SituationBefore.LongTermHomeless, new DateOnly(2025, 2, 28), Destination.InstitutionSubstanceAbuse, setting.RoundId),
        ];

        await app.DbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await StayBulkWriter.For(db).WriteAsync(rows, At, CancellationToken.None);
            await transaction.CommitAsync();
            return 0;
        });

        var stays = await app.DbAsync(db => db.Stays.AsNoTracking().Where(s => s.UnitId == setting.UnitId).OrderBy(s => s.ResidentCode).ToListAsync());
        Assert.Equal(rows, stays.Select(s => new NewStayRow(s.UnitId, s.ServiceId, s.ResidentCode, s.MoveIn, s.SituationBefore, s.End, s.Destination, s.RoundId!.Value)));
        Assert.All(stays, s => Assert.Equal(At, s.UpdatedAt));
        // Queries by date and by enum, as the dashboards run them, find the rows.
        Assert.Equal(1, await app.DbAsync(db => db.Stays.CountAsync(s => s.UnitId == setting.UnitId && s.End <= new DateOnly(2025, 3, 1) && s.Destination == Destination.InstitutionSubstanceAbuse)));
    }

    [Fact]
    public async Task A_row_the_table_refuses_fails_the_transaction_and_nothing_of_it_is_stored()
    {
        var setting = await app.SettingAsync();
        var service = await app.DbAsync(db => db.HousingServices.Where(s => s.UnitId == setting.UnitId && s.Code == "A1").Select(s => s.Id).SingleAsync());
        var twice = new NewStayRow(setting.UnitId, service, "bulk-x", new DateOnly(2025, 1, 1), SituationBefore.Homeless, null, null, setting.RoundId);

        await Assert.ThrowsAnyAsync<Exception>(() => app.DbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await StayBulkWriter.For(db).WriteAsync([twice with { ResidentCode = "bulk-ok" }, twice, twice], At, CancellationToken.None);
            await transaction.CommitAsync();
            return 0;
        }));

        Assert.False(await app.DbAsync(db => db.Stays.AnyAsync(s => s.UnitId == setting.UnitId)));
    }
}
