using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Retention;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Account;

namespace Yhdessa.Tests.Monitoring;

public sealed class MonitoringRetentionOnSqlite(SqliteApp app) : MonitoringRetentionTests(app), IClassFixture<SqliteApp>;
public sealed class MonitoringRetentionOnPostgres(PostgresApp app) : MonitoringRetentionTests(app), IClassFixture<PostgresApp>;

/// <summary>The daily job that cuts old stays' link to the units' own registers: a resident whose every stay in a
/// unit ended more than three years ago gets one random token in place of the unit's code.</summary>
public abstract class MonitoringRetentionTests(YhdessaApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Codes_of_residents_whose_stays_all_ended_over_three_years_ago_become_one_token_each_and_recent_ones_stay()
    {
        var id = Guid.NewGuid().ToString("N")[..6];
        var (unit, service) = await MonitoringWorld.NewUnitAsync(app, $"Säilytys {id}", "837", "HF1");
        var (otherUnit, otherService) = await MonitoringWorld.NewUnitAsync(app, $"Toinen {id}", "091", "HF1");
        DateOnly YearsAgo(int years, int days = 0) => Today.AddYears(-years).AddDays(-days);
        Stay Ended(int u, int s, string code, DateOnly moveIn, DateOnly end) =>
            new(u, s, code, moveIn, SituationBefore.Homeless, end, Destination.MoreIndependentHousing);
        var stays = new[]
        {
            // Two old stays of one resident: both ended long ago.
            Ended(unit, service, "VANHA-1", YearsAgo(8), YearsAgo(6)),
            Ended(unit, service, "VANHA-1", YearsAgo(5), YearsAgo(4)),
            Ended(unit, service, "VANHA-2", YearsAgo(6), YearsAgo(3, days: 2)),
            // An old stay and an ongoing one: the resident is still followed, so both keep the code.
            Ended(unit, service, "PALANNUT-1", YearsAgo(7), YearsAgo(5)),
            new(unit, service, "PALANNUT-1", YearsAgo(1), SituationBefore.Homeless),
            // Ended less than three years ago.
            Ended(unit, service, "TUORE-1", YearsAgo(6), YearsAgo(2)),
            // The same code in another unit is another unit's pseudonym, with a recent stay there.
            Ended(otherUnit, otherService, "VANHA-1", YearsAgo(6), YearsAgo(1)),
        };
        await Db(async db => { db.Stays.AddRange(stays); await db.SaveChangesAsync(); return 0; });
        var ids = stays.Select(s => s.Id).ToArray();

        var changed = await app.WithServicesAsync(services => services.GetRequiredService<ResidentCodeRetention>().RunAsync(default));

        var codes = await Db(db => db.Stays.AsNoTracking().Where(s => ids.Contains(s.Id)).OrderBy(s => s.Id).Select(s => s.ResidentCode).ToListAsync());
        Assert.Equal(3, changed);
        Assert.StartsWith(ResidentCodeRetention.TokenPrefix, codes[0]);
        Assert.Equal(codes[0], codes[1]);
        Assert.StartsWith(ResidentCodeRetention.TokenPrefix, codes[2]);
        Assert.NotEqual(codes[0], codes[2]);
        Assert.Equal(["PALANNUT-1", "PALANNUT-1", "TUORE-1", "VANHA-1"], codes[3..]);
        // Nothing else of the stays changes: the figures are computed as before.
        var after = await Db(db => db.Stays.AsNoTracking().Where(s => ids.Contains(s.Id)).OrderBy(s => s.Id).ToListAsync());
        Assert.Equal(stays.Select(s => (s.MoveIn, s.End, s.Destination, s.ServiceId)), after.Select(s => (s.MoveIn, s.End, s.Destination, s.ServiceId)));

        var audit = await Db(db => db.Set<AuditEntry>().Where(e => e.Action == "monitoring.resident-codes-retired").OrderBy(e => e.Id).ToListAsync());
        Assert.Contains("stays=3", audit[^1].Details);
        Assert.DoesNotContain("VANHA", audit[^1].Details);

        // The next day's run finds nothing new: a token is never replaced again.
        Assert.Equal(0, await app.WithServicesAsync(services => services.GetRequiredService<ResidentCodeRetention>().RunAsync(default)));
        Assert.Equal(codes, await Db(db => db.Stays.AsNoTracking().Where(s => ids.Contains(s.Id)).OrderBy(s => s.Id).Select(s => s.ResidentCode).ToListAsync()));
    }

    private Task<T> Db<T>(Func<YhdessaDb, Task<T>> work) =>
        app.WithServicesAsync(services => work(services.GetRequiredService<YhdessaDb>()));
}
