using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Dashboards;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Reporting;
using Yhdessa.Features.Monitoring.Rounds;
using Yhdessa.Features.Monitoring.Rules;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Monitoring.Import;

/// <summary>What an import did. <see cref="Problems"/> holds the first <see cref="MonitoringImporter.MaxProblems"/>
/// problems in row order; <see cref="ProblemCount"/> counts them all. Nothing was saved when there is any.</summary>
public sealed record ImportOutcome(ImportKind Kind, int Rows, int EmptyRows, IReadOnlyList<ImportProblem> Problems, int ProblemCount,
    int Added = 0, int Updated = 0, int Unchanged = 0)
{
    public bool Saved => ProblemCount == 0;

    public static ImportOutcome Refused(ImportProblem problem) => new(ImportKind.Stays, 0, 0, [problem], 1);
}

/// <summary>
/// Imports a unit's stays or counts for a collection round from a CSV or XLSX file. The whole file is read and
/// checked first, every cell against the identifier guard; only a file without a single problem is saved, in one
/// transaction, as an upsert keyed by (service, resident code, move-in) for stays and by (service type, measure,
/// category) for counts, so that importing the same file twice adds nothing and a stay that has since ended is
/// updated in place. Rows are streamed; what is kept per row is the few parsed values the overlap check needs.
/// </summary>
public sealed class MonitoringImporter(YhdessaDb db, RoundWorkflow workflow, TimeProvider clock, AuditLog audit, DashboardCache dashboards,
    IStringLocalizer<MonitoringText> names, ILogger<MonitoringImporter> logger)
{
    private readonly ImportLabels labels = new(names);

    /// <summary>Enough to fix a file in one go; a file with more is usually wrong in one column on every row.</summary>
    public const int MaxProblems = 1000;

    private const int Batch = 1000;

    /// <summary>Checking stops after this many problems: the first <see cref="MaxProblems"/> are shown anyway, and
    /// a file wrong on every row should not hold a million messages in memory.</summary>
    public const int StopAfterProblems = 20 * MaxProblems;

    public async Task<ImportOutcome> ImportAsync(Stream content, int roundId, int unitId, string? actorId, CancellationToken cancellationToken)
    {
        var round = await db.CollectionRounds.AsNoTracking().SingleAsync(r => r.Id == roundId, cancellationToken);
        var roundUnit = await db.RoundUnits.AsNoTracking().SingleOrDefaultAsync(r => r.RoundId == roundId && r.UnitId == unitId, cancellationToken);
        if (round.Closed) return ImportOutcome.Refused(ImportProblem.OfFile("RoundClosed"));
        if (roundUnit is null) return ImportOutcome.Refused(ImportProblem.OfFile("UnitNotInRound"));
        if (RoundFlow.IsReported(roundUnit.Status))
            return ImportOutcome.Refused(ImportProblem.OfFile("AlreadySubmitted"));

        using var reader = SheetReader.Open(content);
        var problems = new List<ImportProblem>();
        if (reader.Header.Count == 0)
            return Finish(ImportKind.Stays, 0, 0, reader.Problems.Count > 0 ? reader.Problems : [ImportProblem.OfFile("EmptyFile")]);
        var map = HeaderMap.Read(reader.Header, problems);
        if (problems.Count > 0) return Finish(map.Kind, 0, 0, [.. reader.Problems, .. problems]);
        var method = map.Kind == ImportKind.Stays ? ReportingMethod.Stays : ReportingMethod.Aggregate;
        if (roundUnit.Method != method)
            return Finish(map.Kind, 0, 0, [ImportProblem.OfFile(roundUnit.Method == ReportingMethod.Stays ? "ReportsStays" : "ReportsCounts")]);

        var context = new ImportContext(roundId, unitId, actorId, HelsinkiToday(), problems);
        return map.Kind == ImportKind.Stays
            ? await ImportStaysAsync(reader, map, context, cancellationToken)
            : await ImportCountsAsync(reader, map, context, cancellationToken);
    }

    private sealed record ImportContext(int RoundId, int UnitId, string? ActorId, DateOnly Today, List<ImportProblem> Problems);

    private DateOnly HelsinkiToday() => DateOnly.FromDateTime(HelsinkiTime.ToHelsinki(clock.GetUtcNow()).DateTime);

    private static ImportOutcome Finish(ImportKind kind, int rows, int empty, List<ImportProblem> problems, int added = 0, int updated = 0, int unchanged = 0) =>
        new(kind, rows, empty, [.. problems.OrderBy(p => p.Row).Take(MaxProblems)], problems.Count, added, updated, unchanged);

    /// <summary>The identifier guard on every cell of a row, known column or not. Returns the positions it refused,
    /// whose other checks are skipped (one message per cell is enough).</summary>
    private static HashSet<int> Guard(SheetRow row, HeaderMap map, List<ImportProblem> problems)
    {
        var refused = new HashSet<int>();
        for (var i = 0; i < row.Cells.Length; i++)
        {
            if (IdentifierGuard.Find(row.Cells[i]) is not { } kind) continue;
            problems.Add(new ImportProblem(row.Number, map.Header[i], RuleCodes.Of(kind)));
            refused.Add(i);
        }
        return refused;
    }

    private sealed record ParsedStay(int Row, int ServiceId, string Resident, DateOnly MoveIn, SituationBefore Situation, DateOnly? End, Destination? Destination);

    private sealed record SavedStay(int Id, int ServiceId, string ResidentCode, DateOnly MoveIn, SituationBefore SituationBefore,
        DateOnly? End, Destination? Destination);

    private async Task<ImportOutcome> ImportStaysAsync(SheetReader reader, HeaderMap map, ImportContext context, CancellationToken cancellationToken)
    {
        var services = await db.HousingServices.AsNoTracking().Where(s => s.UnitId == context.UnitId)
            .ToDictionaryAsync(s => s.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var watch = Stopwatch.StartNew();
        var parsed = new List<ParsedStay>();
        int rows = 0, empty = 0;
        foreach (var row in reader.Rows())
        {
            if (row.IsEmpty) { empty++; continue; }
            rows++;
            if (ParseStay(row, map, services, context, labels) is { } stay) parsed.Add(stay);
            if (context.Problems.Count >= StopAfterProblems) break;
        }
        var problems = context.Problems;
        problems.AddRange(reader.Problems);
        if (rows == 0 && problems.Count == 0) problems.Add(ImportProblem.OfFile("NoRows"));
        var saved = await db.Stays.AsNoTracking().Where(s => s.UnitId == context.UnitId)
            .Select(s => new SavedStay(s.Id, s.ServiceId, s.ResidentCode, s.MoveIn, s.SituationBefore, s.End, s.Destination))
            .ToListAsync(cancellationToken);
        CheckOverlaps(parsed, saved, map, problems);
        var settled = await ReportContext.SettledReportsAsync(db, context.UnitId, context.RoundId, cancellationToken);
        var continued = CheckSettled(parsed, saved, settled, map, problems);
        if (problems.Count > 0)
        {
            logger.LogInformation("Stay import for unit {UnitId} in round {RoundId} refused: {Rows} rows, {Problems} problems",
                context.UnitId, context.RoundId, rows, problems.Count);
            return Finish(ImportKind.Stays, rows, empty, problems);
        }
        var checkedIn = watch.ElapsedMilliseconds;
        var (added, updated, unchanged) = await SaveStaysAsync(parsed, saved, continued, context, cancellationToken);
        // The two phases' times tell an operator whether a slow import is spent on reading and checking or on writing.
        logger.LogInformation("Stay import for unit {UnitId} in round {RoundId}: {Added} added, {Updated} updated, {Unchanged} unchanged; " +
            "read and checked in {CheckMs} ms, saved in {SaveMs} ms",
            context.UnitId, context.RoundId, added, updated, unchanged, checkedIn, watch.ElapsedMilliseconds - checkedIn);
        return Finish(ImportKind.Stays, rows, empty, problems, added, updated, unchanged);
    }

    /// <summary>The columns of the stay rules' fields, for placing their errors.</summary>
    private static readonly Dictionary<string, ImportColumn> StayFields = new()
    {
        [nameof(StayDraft.ServiceCode)] = ImportColumns.Service,
        [nameof(StayDraft.ResidentCode)] = ImportColumns.Resident,
        [nameof(StayDraft.MoveIn)] = ImportColumns.MoveIn,
        [nameof(StayDraft.SituationBefore)] = ImportColumns.SituationBefore,
        [nameof(StayDraft.End)] = ImportColumns.End,
        [nameof(StayDraft.Destination)] = ImportColumns.Destination,
    };

    /// <summary>A row through the same <see cref="StayRules"/> as the web form, after the identifier guard and the
    /// reading of dates; a cell refused by either gets no second message from the rules.</summary>
    private static ParsedStay? ParseStay(SheetRow row, HeaderMap map, IReadOnlyDictionary<string, HousingService> services, ImportContext context,
        ImportLabels labels)
    {
        var problems = context.Problems;
        var before = problems.Count;
        var refused = Guard(row, map, problems);
        string? Cell(ImportColumn column) => refused.Contains(map.IndexOf(column)) ? null : map.Value(row, column);
        DateOnly? Date(ImportColumn column)
        {
            if (Cell(column) is not { } text) return null;
            if (ImportValues.Date(text) is { } date) return date;
            problems.Add(new ImportProblem(row.Number, Heading(map, column), "DateFormat"));
            refused.Add(map.IndexOf(column));
            return null;
        }

        var draft = new StayDraft(Cell(ImportColumns.Service), Cell(ImportColumns.Resident), Date(ImportColumns.MoveIn),
            labels.Code<SituationBefore>(Cell(ImportColumns.SituationBefore)), Date(ImportColumns.End),
            labels.Code<Destination>(Cell(ImportColumns.Destination)));
        var errors = new List<RuleError>();
        var stay = StayRules.Check(draft, services, context.Today, errors);
        foreach (var error in errors)
        {
            var column = StayFields[error.Field];
            if (refused.Contains(map.IndexOf(column))) continue;
            problems.Add(error.Code switch
            {
                RuleCodes.UnknownService => new ImportProblem(row.Number, Heading(map, column), "UnknownService", draft.ServiceCode!.Trim()),
                RuleCodes.UnknownCode => new ImportProblem(row.Number, Heading(map, column), "UnknownCode", Cell(column)!,
                    column == ImportColumns.Destination ? labels.Allowed<Destination>() : labels.Allowed<SituationBefore>()),
                _ => new ImportProblem(row.Number, Heading(map, column), error.Code, error.Arguments),
            });
        }
        return problems.Count == before && stay is not null
            ? new ParsedStay(row.Number, stay.Service.Id, stay.ResidentCode, stay.MoveIn, stay.SituationBefore, stay.End, stay.Destination)
            : null;
    }

    /// <summary>The column's heading as the file wrote it (or, for a column the file lacks, in the reader's language).</summary>
    private static string Heading(HeaderMap map, ImportColumn column) =>
        map.IndexOf(column) is >= 0 and var i ? map.Header[i] : column.Heading(Languages.Current);

    /// <summary>
    /// One resident's stays in one service must not overlap (<see cref="StayRules.Overlaps"/>), in the file or with
    /// what is saved. A saved stay with the
    /// same key as a file row is that row's earlier version and is checked in its new form. Sorted by move-in, each
    /// stay is compared with the earlier one that ends last: any overlap with an earlier stay is one with that.
    /// </summary>
    private static void CheckOverlaps(List<ParsedStay> parsed, List<SavedStay> saved, HeaderMap map, List<ImportProblem> problems)
    {
        var column = map.Header[map.IndexOf(ImportColumns.MoveIn)];
        var inFile = new HashSet<(int, string, DateOnly)>();
        foreach (var group in parsed.GroupBy(s => (s.ServiceId, s.Resident)))
        {
            ParsedStay? longest = null;
            foreach (var stay in group.OrderBy(s => s.MoveIn).ThenBy(s => s.Row))
            {
                if (longest is not null && longest.MoveIn == stay.MoveIn)
                    problems.Add(new ImportProblem(stay.Row, column, "DuplicateStay", longest.Row));
                else if (longest is not null && StayRules.Overlaps(stay.MoveIn, stay.End, longest.MoveIn, longest.End))
                    problems.Add(new ImportProblem(stay.Row, column, "OverlapInFile", longest.Row));
                if (longest is null || Ends(stay) > Ends(longest)) longest = stay;
                inFile.Add((stay.ServiceId, stay.Resident, stay.MoveIn));
            }
        }
        var others = saved.Where(s => !inFile.Contains((s.ServiceId, s.ResidentCode, s.MoveIn)))
            .ToLookup(s => (s.ServiceId, s.ResidentCode));
        foreach (var stay in parsed)
            foreach (var other in others[(stay.ServiceId, stay.Resident)])
                if (StayRules.Overlaps(stay.MoveIn, stay.End, other.MoveIn, other.End))
                {
                    problems.Add(new ImportProblem(stay.Row, column, "OverlapSaved", other.MoveIn.ToString("d", Languages.FormattingCulture(Languages.Current))));
                    break;
                }
    }

    /// <summary>
    /// No row may change the figures of the unit's settled report in another round (submitted, accepted or closed):
    /// the same rule as the stay form's (<see cref="SettledReports"/>). A row that is a saved stay's new version is
    /// judged as that change, a new row as an addition; an ongoing stay may still be ended after a settled period.
    /// Returns how many stays each settled report holds whose end the file changed so, for its history.
    /// </summary>
    private static Dictionary<SettledReport, int> CheckSettled(List<ParsedStay> parsed, List<SavedStay> saved,
        IReadOnlyList<SettledReport> settled, HeaderMap map, List<ImportProblem> problems)
    {
        var continued = new Dictionary<SettledReport, int>();
        if (settled.Count == 0) return continued;
        var existing = saved.ToDictionary(s => (s.ServiceId, s.ResidentCode, s.MoveIn));
        foreach (var stay in parsed)
        {
            var before = existing.TryGetValue((stay.ServiceId, stay.Resident, stay.MoveIn), out var old)
                ? new StayFacts(old.ServiceId, old.ResidentCode, old.MoveIn, old.SituationBefore, old.End, old.Destination)
                : null;
            var after = new StayFacts(stay.ServiceId, stay.Resident, stay.MoveIn, stay.Situation, stay.End, stay.Destination);
            if (SettledReports.ChangedBy(before, after, settled) is { } report)
            {
                var refusal = SettledReports.Refusal(report, before, after);
                problems.Add(new ImportProblem(stay.Row, Heading(map, StayFields[refusal.Field]), refusal.Code, refusal.Arguments));
            }
            else
                foreach (var held in SettledReports.Continued(before, after, settled))
                    continued[held] = continued.GetValueOrDefault(held) + 1;
        }
        return continued;
    }

    private static DateOnly Ends(ParsedStay stay) => stay.End ?? DateOnly.MaxValue;

    private async Task<(int Added, int Updated, int Unchanged)> SaveStaysAsync(List<ParsedStay> parsed, List<SavedStay> saved,
        Dictionary<SettledReport, int> continued, ImportContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var existing = saved.ToDictionary(s => (s.ServiceId, s.ResidentCode, s.MoveIn));
        var added = new List<ParsedStay>();
        var changed = new Dictionary<int, ParsedStay>();
        var unchanged = 0;
        foreach (var stay in parsed)
        {
            if (!existing.TryGetValue((stay.ServiceId, stay.Resident, stay.MoveIn), out var old)) added.Add(stay);
            else if (old.SituationBefore != stay.Situation || old.End != stay.End || old.Destination != stay.Destination) changed[old.Id] = stay;
            else unchanged++;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await StayBulkWriter.For(db).WriteAsync(
                added.Select(s => new NewStayRow(context.UnitId, s.ServiceId, s.Resident, s.MoveIn, s.Situation, s.End, s.Destination, context.RoundId)),
                now, cancellationToken);
            // Changes are rare (a stay ended since the last file) and go through the entity, whose rules they must keep;
            // batches with a cleared change tracker keep memory flat when a file ends many stays at once.
            foreach (var chunk in changed.Keys.Chunk(Batch))
            {
                foreach (var stay in await db.Stays.Where(s => chunk.Contains(s.Id)).ToListAsync(cancellationToken))
                {
                    var update = changed[stay.Id];
                    stay.SituationBefore = update.Situation;
                    if (update.End is { } end) stay.EndStay(end, update.Destination!.Value);
                    else stay.Reopen();
                    stay.RoundId = context.RoundId;
                    stay.UpdatedAt = now;
                }
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            var roundUnit = await MarkInProgressAsync(context, cancellationToken);
            foreach (var (held, stays) in continued) workflow.StaysContinued(roundUnit, held, stays);
            audit.Record("monitoring.import", $"monitoring-round:{context.RoundId}",
                $"monitoring-unit:{context.UnitId}; stays: rows {parsed.Count}, added {added.Count}, updated {changed.Count}, unchanged {unchanged}", context.ActorId);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        dashboards.Changed();
        return (added.Count, changed.Count, unchanged);
    }

    /// <summary>The first import starts the unit's work in the round, as the first edit in the forms does; a
    /// returned unit stays returned until it resubmits (<see cref="RoundWorkflow.Edited"/>).</summary>
    private async Task<RoundUnit> MarkInProgressAsync(ImportContext context, CancellationToken cancellationToken)
    {
        var roundUnit = await db.RoundUnits.SingleAsync(r => r.RoundId == context.RoundId && r.UnitId == context.UnitId, cancellationToken);
        workflow.Edited(roundUnit);
        return roundUnit;
    }

    private sealed record ParsedCount(int Row, ServiceType Type, Measure Measure, string Category, int Count);

    private async Task<ImportOutcome> ImportCountsAsync(SheetReader reader, HeaderMap map, ImportContext context, CancellationToken cancellationToken)
    {
        var parsed = new List<ParsedCount>();
        int rows = 0, empty = 0;
        foreach (var row in reader.Rows())
        {
            if (row.IsEmpty) { empty++; continue; }
            rows++;
            if (ParseCount(row, map, context.Problems, labels) is { } count) parsed.Add(count);
            if (context.Problems.Count >= StopAfterProblems) break;
        }
        var problems = context.Problems;
        problems.AddRange(reader.Problems);
        if (rows == 0 && problems.Count == 0) problems.Add(ImportProblem.OfFile("NoRows"));
        var column = map.Header[map.IndexOf(ImportColumns.Measure)];
        foreach (var group in parsed.GroupBy(c => (c.Type, c.Measure, c.Category)).Where(g => g.Count() > 1))
            foreach (var repeat in group.Skip(1)) problems.Add(new ImportProblem(repeat.Row, column, "DuplicateValue", group.First().Row));
        if (problems.Count > 0) return Finish(ImportKind.Aggregates, rows, empty, problems);

        var existing = await db.AggregateValues.Where(v => v.RoundId == context.RoundId && v.UnitId == context.UnitId)
            .ToDictionaryAsync(v => (v.ServiceType, v.Measure, v.Category), cancellationToken);
        int added = 0, updated = 0, unchanged = 0;
        foreach (var count in parsed)
        {
            if (!existing.TryGetValue((count.Type, count.Measure, count.Category), out var value))
            {
                db.AggregateValues.Add(new AggregateValue
                {
                    RoundId = context.RoundId, UnitId = context.UnitId, ServiceType = count.Type, Measure = count.Measure,
                    Category = count.Category, Count = count.Count,
                });
                added++;
            }
            else if (value.Count != count.Count)
            {
                value.Count = count.Count;
                updated++;
            }
            else unchanged++;
        }
        await MarkInProgressAsync(context, cancellationToken);
        audit.Record("monitoring.import", $"monitoring-round:{context.RoundId}",
            $"monitoring-unit:{context.UnitId}; counts: rows {parsed.Count}, added {added}, updated {updated}, unchanged {unchanged}", context.ActorId);
        // One SaveChanges is one transaction: a count file is a few hundred rows at most.
        await db.SaveChangesAsync(cancellationToken);
        dashboards.Changed();
        return Finish(ImportKind.Aggregates, rows, empty, problems, added, updated, unchanged);
    }

    private static ParsedCount? ParseCount(SheetRow row, HeaderMap map, List<ImportProblem> problems, ImportLabels labels)
    {
        var before = problems.Count;
        var refused = Guard(row, map, problems);
        string? Cell(ImportColumn column) => refused.Contains(map.IndexOf(column)) ? null : map.Value(row, column);
        bool Refused(ImportColumn column) => refused.Contains(map.IndexOf(column));
        void Add(ImportColumn column, string key, params object[] arguments) =>
            problems.Add(new ImportProblem(row.Number, map.IndexOf(column) is >= 0 and var i ? map.Header[i] : column.Heading(Languages.Current), key, arguments));

        ServiceType type = default;
        Measure measure = default;
        var typeKnown = !Refused(ImportColumns.ServiceType) && Parse(ImportColumns.ServiceType, out type);
        var measureKnown = !Refused(ImportColumns.Measure) && Parse(ImportColumns.Measure, out measure);
        var category = "";
        if (measureKnown && !Refused(ImportColumns.Category))
        {
            var allowed = Codes.CategoriesOf(measure);
            var written = Cell(ImportColumns.Category) ?? "";
            written = measure switch
            {
                Measure.MovesIn => labels.Code<SituationBefore>(written)!,
                Measure.StaysEnded => labels.Code<Destination>(written)!,
                _ => written,
            };
            var match = allowed.FirstOrDefault(a => string.Equals(a, written, StringComparison.OrdinalIgnoreCase));
            if (match is null)
                Add(ImportColumns.Category, "CategoryNotForMeasure", measure switch
                {
                    Measure.MovesIn => labels.Allowed<SituationBefore>(),
                    Measure.StaysEnded => labels.Allowed<Destination>(),
                    _ => "–",
                });
            else category = match;
        }
        int count = 0;
        if (!Refused(ImportColumns.Count))
        {
            if (Cell(ImportColumns.Count) is not { } text) Add(ImportColumns.Count, RuleCodes.Required);
            else if (ImportValues.Count(text, MonitoringLimits.MaxCount) is { } value) count = value;
            else Add(ImportColumns.Count, "CountFormat", MonitoringLimits.MaxCount);
        }
        return problems.Count == before && typeKnown && measureKnown ? new ParsedCount(row.Number, type, measure, category, count) : null;

        bool Parse<T>(ImportColumn column, out T value) where T : struct, Enum
        {
            value = default;
            if (Cell(column) is not { } text)
            {
                Add(column, RuleCodes.Required);
                return false;
            }
            if (Codes.TryParse(labels.Code<T>(text), out value)) return true;
            Add(column, "UnknownCode", text, labels.Allowed<T>());
            return false;
        }
    }
}
