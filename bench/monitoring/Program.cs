using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Yhdessa.Features.Account;
using Yhdessa.Features.Events;
using Yhdessa.Features.Materials;
using Yhdessa.Features.Monitoring;
using Yhdessa.Features.Monitoring.Dashboards;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Demo;
using Yhdessa.Features.Monitoring.Summary;
using Yhdessa.Features.Network;
using Yhdessa.Features.Surveys;
using Yhdessa.Platform;
using Yhdessa.Platform.Data;

// The monitoring benchmark: 11 cities × 15 years of generated stays (about a million) written straight into the
// app's own migrated schema, then the national and one municipal dashboard computed again and again, as the page
// does (DashboardQuery, a fresh DbContext each time). Prints one line per scope with p50/p95/max. The stays bypass the
// app, so the dashboard summary is then built as the app would after a change: the app's rebuild, one unit at a time.
// Usage: dotnet run -c Release --project bench/monitoring -- --Yhdessa:DataDirectory=/tmp/x [--Yhdessa:Database:Provider=Postgres
//        --ConnectionStrings:Yhdessa=...] [--Bench:Moves=5660] [--Bench:Runs=20]
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = Environments.Production });
// Every run computes: the point is the cold cost, not the dashboard cache's hit.
builder.Configuration["Yhdessa:Monitoring:DashboardCacheMinutes"] = "0";
builder.AddPlatform();
builder.AddAccounts();
builder.AddNetwork();
builder.AddEvents();
builder.AddSurveys();
builder.AddMaterials();
builder.AddMonitoring();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
// Each unit's rebuild logs how its time splits into reading, computing and writing.
builder.Logging.AddFilter("Yhdessa.Features.Monitoring.Summary.SummaryBuilder", LogLevel.Information);
await using var app = builder.Build();
await app.PrepareDatabaseAsync();
var config = builder.Configuration;
var moves = config.GetValue("Bench:Moves", 5660);
var runs = config.GetValue("Bench:Runs", 20);
var cities = new[] { "091", "049", "092", "837", "853", "564", "398", "609", "297", "179", "167" };
var today = DateOnly.FromDateTime(DateTime.UtcNow);
var firstYear = today.Year - 14;

using (var scope = app.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
    var now = DateTimeOffset.UtcNow;
    var units = cities.Select((c, i) => new ReportingUnit { Name = $"Bench city {c}", Kind = UnitKind.Municipality, MunicipalityCode = c, CreatedAt = now }).ToList();
    db.AddRange(units);
    await db.SaveChangesAsync();
    var services = units.SelectMany(u => Enum.GetValues<ServiceType>().Select(t => new HousingService
    { UnitId = u.Id, Code = t.ToString()[..3].ToUpperInvariant(), Name = t.ToString(), MunicipalityCode = u.MunicipalityCode, Type = t, Places = 100 })).ToList();
    var rounds = Enumerable.Range(firstYear, 15).Select(y => new CollectionRound
    { Name = $"{y}", Period = $"{y}", Start = new(y, 1, 1), End = new(y, 12, 31), Deadline = new(y + 1, 2, 1), Closed = true, CreatedAt = now }).ToList();
    db.AddRange(services);
    db.AddRange(rounds);
    await db.SaveChangesAsync();
    db.AddRange(rounds.SelectMany(r => units.Select(u => new RoundUnit { RoundId = r.Id, UnitId = u.Id, Status = RoundStatus.Accepted, Method = ReportingMethod.Stays, UpdatedAt = now })));
    await db.SaveChangesAsync();

    var perUnit = units.Select(u => services.Where(s => s.UnitId == u.Id).ToList()).ToList();
    var roundOf = rounds.ToDictionary(r => r.Start.Year, r => r.Id);
    var stays = StayGenerator.Generate(new Random(MonitoringDemoData.Seed), units.Count, 5, firstYear, today.Year, moves, today)
        .Select(g => (Unit: units[g.Unit].Id, Service: perUnit[g.Unit][g.Service].Id, g.ResidentCode, g.MoveIn, Situation: g.Situation.ToString(),
            g.End, Destination: g.Destination?.ToString(), Round: roundOf.GetValueOrDefault((g.End ?? g.MoveIn).Year, roundOf[today.Year])));
    var clock = Stopwatch.StartNew();
    var count = 0L;
    var connection = db.Database.GetDbConnection();
    await connection.OpenAsync();
    const string columns = "\"UnitId\", \"ServiceId\", \"ResidentCode\", \"MoveIn\", \"SituationBefore\", \"End\", \"Destination\", \"RoundId\", \"UpdatedAt\"";
    if (connection is NpgsqlConnection pg)
    {
        await using (var copy = await pg.BeginBinaryImportAsync($"COPY \"MonitoringStays\" ({columns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in stays)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(s.Unit, NpgsqlDbType.Integer);
                await copy.WriteAsync(s.Service, NpgsqlDbType.Integer);
                await copy.WriteAsync(s.ResidentCode, NpgsqlDbType.Varchar);
                await copy.WriteAsync(s.MoveIn, NpgsqlDbType.Date);
                await copy.WriteAsync(s.Situation, NpgsqlDbType.Varchar);
                if (s.End is { } end) await copy.WriteAsync(end, NpgsqlDbType.Date); else await copy.WriteNullAsync();
                if (s.Destination is { } d) await copy.WriteAsync(d, NpgsqlDbType.Varchar); else await copy.WriteNullAsync();
                await copy.WriteAsync(s.Round, NpgsqlDbType.Integer);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                count++;
            }
            await copy.CompleteAsync();
        }
        await using var analyze = new NpgsqlCommand("ANALYZE", pg);
        await analyze.ExecuteNonQueryAsync();
    }
    else
    {
        var sqlite = (SqliteConnection)connection;
        var transaction = sqlite.BeginTransaction();
        var insert = sqlite.CreateCommand();
        insert.CommandText = $"INSERT INTO \"MonitoringStays\" ({columns}) VALUES ($u, $s, $c, $m, $b, $e, $d, $r, $t)";
        var p = new[] { "$u", "$s", "$c", "$m", "$b", "$e", "$d", "$r", "$t" }.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        foreach (var s in stays)
        {
            insert.Transaction = transaction;
            p[0].Value = s.Unit; p[1].Value = s.Service; p[2].Value = s.ResidentCode; p[3].Value = s.MoveIn.ToString("yyyy-MM-dd");
            p[4].Value = s.Situation; p[5].Value = (object?)s.End?.ToString("yyyy-MM-dd") ?? DBNull.Value;
            p[6].Value = (object?)s.Destination ?? DBNull.Value; p[7].Value = s.Round; p[8].Value = now.UtcTicks;
            await insert.ExecuteNonQueryAsync();
            if (++count % 100_000 == 0)
            {
                transaction.Commit();
                transaction = sqlite.BeginTransaction();
            }
        }
        transaction.Commit();
        using var analyze = sqlite.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }
    Console.WriteLine($"Stays: {count:N0} written in {clock.Elapsed.TotalSeconds:0.0} s ({builder.Configuration["Yhdessa:Database:Provider"] ?? "Sqlite"}).");

    var all = Stopwatch.StartNew();
    var perUnitTimes = new List<(string City, double Ms)>();
    foreach (var unit in units)
    {
        using var rebuildScope = app.Services.CreateScope();
        var unitClock = Stopwatch.StartNew();
        await rebuildScope.ServiceProvider.GetRequiredService<SummaryBuilder>().RebuildUnitAsync(unit.Id, CancellationToken.None);
        perUnitTimes.Add((unit.MunicipalityCode, unitClock.Elapsed.TotalMilliseconds));
    }
    var (summaryRows, lengthRows) = (await db.SummaryCounts.CountAsync(), await db.SummaryLengths.CountAsync());
    Console.WriteLine($"Summary: {units.Count} units rebuilt in {all.Elapsed.TotalSeconds:0.0} s into {summaryRows:N0} counts and {lengthRows:N0} length distributions; " +
                      $"the biggest unit (Helsinki, {await db.Stays.CountAsync(s => s.UnitId == units[0].Id):N0} stays) in {perUnitTimes[0].Ms:0} ms, " +
                      $"slowest unit {perUnitTimes.Max(t => t.Ms):0} ms.");
    // A change is followed by this check (which units' stays differ from their summary); here it finds none.
    var checks = new List<double>();
    for (var i = 0; i < 3; i++)
    {
        using var checkScope = app.Services.CreateScope();
        var checkClock = Stopwatch.StartNew();
        var stale = await checkScope.ServiceProvider.GetRequiredService<SummaryMaintenance>().RebuildStaleUnitsAsync(CancellationToken.None);
        checks.Add(checkClock.Elapsed.TotalMilliseconds);
        if (stale.Count > 0) throw new InvalidOperationException("The summary was stale right after its rebuild.");
    }
    Console.WriteLine($"Staleness check over all stays: {checks.Min():0}–{checks.Max():0} ms.");
}

foreach (var (name, scope) in new[]
{
    ("national, 5 years", new DashboardScope(ScopeKind.Nation, null, null, null, null, today.Year - 4, today.Year)),
    ("municipal (Helsinki), 5 years", new DashboardScope(ScopeKind.Municipality, null, "091", null, null, today.Year - 4, today.Year)),
})
{
    var times = new List<double>();
    var cpu = new List<double>();
    var process = Process.GetCurrentProcess();
    for (var i = 0; i < runs + 2; i++)
    {
        using var scope2 = app.Services.CreateScope();
        var query = scope2.ServiceProvider.GetRequiredService<DashboardQuery>();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var figures = await query.ComputeAsync(scope, CancellationToken.None);
        process.Refresh();
        if (i >= 2) // two warm-up runs
        {
            times.Add(clock.Elapsed.TotalMilliseconds);
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }
        if (i == 0) Console.WriteLine($"  {name}: moves in {Enumerable.Range(0, figures.Years.Length).Sum(y => Enumerable.Range(0, 5).Sum(t => figures.MovesIn[y, t])):N0}");
    }
    times.Sort();
    cpu.Sort();
    static double P(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    // CPU time is this process's: on SQLite it includes the database's work, on PostgreSQL only the app's side.
    Console.WriteLine($"| {name} | {runs} | {P(times, 0.5):0} ms | {P(times, 0.95):0} ms | {times[^1]:0} ms | {P(cpu, 0.5):0} ms | {P(cpu, 0.95):0} ms |");
}
return 0;
