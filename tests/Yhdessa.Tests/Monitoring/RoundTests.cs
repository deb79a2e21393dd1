using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Rounds;
using Yhdessa.Platform.Audit;
using Yhdessa.Tests.Account;

namespace Yhdessa.Tests.Monitoring;

[Collection("Monitoring on SQLite")]
public sealed class MonitoringRoundsOnSqlite(SqliteApp app) : MonitoringRoundTests(app);
[Collection("Monitoring on PostgreSQL")]
public sealed class MonitoringRoundsOnPostgres(PostgresApp app) : MonitoringRoundTests(app);

/// <summary>Collection rounds: opening, the status flow between reporter and coordinator, completeness,
/// closing and reopening, and deadline reminders.</summary>
public abstract class MonitoringRoundTests(YhdessaApp app)
{
    [Fact]
    public async Task A_coordinator_opens_a_round_and_each_reporter_is_told_in_their_language()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync(language: "sv");
        var coordinator = await MonitoringWorld.SignedInAsync(app, w.CoordinatorEmail);
        var name = "Kierros " + Guid.NewGuid().ToString("N")[..6];

        var page = await coordinator.SubmitValuesAsync("/monitoring/rounds/new", [new("Input.Name", name), new("Input.Period", "2025h2"),
            new("Input.Deadline", "2026-01-31"), new($"Input.Units[{own.Unit}]", "Aggregate")]);

        Assert.Equal(name, page.H1);
        var round = await w.DbAsync(db => db.CollectionRounds.AsNoTracking().SingleAsync(r => r.Name == name));
        Assert.Equal(("2025H2", new DateOnly(2025, 7, 1), new DateOnly(2025, 12, 31)), (round.Period, round.Start, round.End));
        var part = await w.StatusAsync(round.Id, own.Unit);
        Assert.Equal((ReportingMethod.Aggregate, RoundStatus.NotStarted), (part.Method, part.Status));
        var mail = (await app.MailToAsync(own.ReporterEmail)).Last();
        Assert.Equal($"Ny insamlingsomgång: {name}", mail.Subject);
        Assert.Contains($"/monitoring/report/{round.Id}/{own.Unit}?culture=sv", mail.TextBody);
    }

    [Fact]
    public async Task A_bad_round_form_says_what_is_wrong_and_opens_nothing()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var coordinator = await MonitoringWorld.SignedInAsync(app, w.CoordinatorEmail);
        var before = await w.DbAsync(db => db.CollectionRounds.CountAsync());

        var page = await coordinator.SubmitValuesAsync("/monitoring/rounds/new", [new("Input.Name", "Soita 040 123 4567"),
            new("Input.Period", "2026Q1"), new("Input.Deadline", "huomenna")]);

        Assert.Contains("puhelinnumerolta", page.ErrorSummary);
        Assert.Contains("2026H1 tai 2026H2", page.ErrorSummary);
        Assert.Contains("muodossa 1.3.2026", page.ErrorSummary);
        Assert.Equal(before, await w.DbAsync(db => db.CollectionRounds.CountAsync()));
    }

    [Fact]
    public async Task Submitted_returned_with_a_comment_resubmitted_and_accepted()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync();
        var reporter = await MonitoringWorld.SignedInAsync(app, own.ReporterEmail);
        var coordinator = await MonitoringWorld.SignedInAsync(app, w.CoordinatorEmail);
        var roundPage = $"/monitoring/rounds/{own.Round}";

        await reporter.SubmitAsync(own.ReportPath, []);
        Assert.Equal(RoundStatus.Submitted, (await w.StatusAsync(own.Round, own.Unit)).Status);

        var phone = await coordinator.SubmitAsync(roundPage, new() { ["Comment"] = "Soita minulle 050 765 4321" }, "form[action*=Return]");
        Assert.Contains("puhelinnumerolta", phone.ErrorSummary);
        var empty = await coordinator.SubmitAsync(roundPage, new() { ["Comment"] = " " }, "form[action*=Return]");
        Assert.Contains("Pakollinen", empty.ErrorSummary);
        Assert.Equal(RoundStatus.Submitted, (await w.StatusAsync(own.Round, own.Unit)).Status);

        var returned = await coordinator.SubmitAsync(roundPage, new() { ["Comment"] = "Lähtöpaikat puuttuvat." }, "form[action*=Return]");
        Assert.Contains("palautettiin korjattavaksi", returned.Notice);
        var mail = (await app.MailToAsync(own.ReporterEmail)).Last();
        Assert.Contains("Lähtöpaikat puuttuvat.", mail.TextBody);

        var report = await reporter.OpenAsync(own.ReportPath);
        Assert.Contains("Lähtöpaikat puuttuvat.", report.Text);
        Assert.NotNull(report.Document.QuerySelector($"a[href='{own.ReportPath}/stays/new']"));
        await reporter.SubmitAsync(own.ReportPath, []);
        Assert.Equal(RoundStatus.Resubmitted, (await w.StatusAsync(own.Round, own.Unit)).Status);

        await coordinator.SubmitAsync(roundPage, [], "form[action*=Accept]");
        Assert.Equal(RoundStatus.Accepted, (await w.StatusAsync(own.Round, own.Unit)).Status);
        var history = await w.DbAsync(db => db.RoundUnitEvents.Where(e => e.RoundId == own.Round && e.UnitId == own.Unit)
            .OrderBy(e => e.Id).Select(e => e.Status).ToListAsync());
        Assert.Equal([RoundStatus.Submitted, RoundStatus.Returned, RoundStatus.Resubmitted, RoundStatus.Accepted], history);
    }

    [Fact]
    public async Task Completeness_shows_the_reporting_rate_and_who_is_late()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var early = await w.OwnUnitAsync(deadline: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3));
        var (lateUnit, _) = await MonitoringWorld.NewUnitAsync(app, "Myöhäinen " + Guid.NewGuid().ToString("N")[..6], "091", "HF1");
        await w.DbAsync(async db =>
        {
            db.RoundUnits.Add(new RoundUnit { RoundId = early.Round, UnitId = lateUnit, Method = ReportingMethod.Stays, Status = RoundStatus.InProgress, UpdatedAt = DateTimeOffset.UtcNow });
            await db.RoundUnits.Where(r => r.RoundId == early.Round && r.UnitId == early.Unit)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, RoundStatus.Submitted));
            return await db.SaveChangesAsync();
        });
        var coordinator = await MonitoringWorld.SignedInAsync(app, w.CoordinatorEmail);

        var page = await coordinator.OpenAsync($"/monitoring/rounds/{early.Round}");

        Assert.Contains("50 % (1/2 yksiköstä)", page.Text);
        var lateRow = page.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Myöhäinen"));
        Assert.Contains("Myöhässä", lateRow.TextContent);
        var submittedRow = page.Document.QuerySelectorAll("tbody tr").Single(r => !r.TextContent.Contains("Myöhäinen"));
        Assert.DoesNotContain("Myöhässä", submittedRow.TextContent);

        // The unit's reporter is told as well, on the monitoring page and on the report, while the report is not sent.
        await w.DbAsync(db => db.RoundUnits.Where(r => r.RoundId == early.Round && r.UnitId == early.Unit)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, RoundStatus.Returned)));
        var reporter = await MonitoringWorld.SignedInAsync(app, early.ReporterEmail);
        Assert.Contains("Myöhässä", (await reporter.OpenAsync("/monitoring")).Document.QuerySelector("main table")!.TextContent);
        Assert.Contains("Myöhässä", (await reporter.OpenAsync($"/monitoring/report/{early.Round}/{early.Unit}")).Document.QuerySelector("dl.facts")!.TextContent);
    }

    [Fact]
    public async Task A_closed_round_locks_its_data_and_reopening_needs_a_reason_that_is_audited()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync();
        var reporter = await MonitoringWorld.SignedInAsync(app, own.ReporterEmail);
        var coordinator = await MonitoringWorld.SignedInAsync(app, w.CoordinatorEmail);
        var roundPage = $"/monitoring/rounds/{own.Round}";

        await coordinator.SubmitAsync(roundPage, [], "form[action*=Close]");
        var locked = await reporter.OpenAsync(own.ReportPath + "/stays/new");
        Assert.Contains("Kierros on suljettu", locked.Text);
        var token = locked.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forced = await reporter.PostAsync(own.ReportPath + "/stays/new", [new("__RequestVerificationToken", token),
            new("Input.ServiceCode", "HF1"), new("Input.ResidentCode", "TRE-9"), new("Input.MoveIn", "2025-02-01"), new("Input.SituationBefore", "Homeless")]);
        Assert.Contains("Kierros on suljettu", forced.ErrorSummary);
        Assert.False(await w.DbAsync(db => db.Stays.AnyAsync(s => s.UnitId == own.Unit)));

        var noReason = await coordinator.SubmitAsync(roundPage, new() { ["Reason"] = "" }, "form[action*=Reopen]");
        Assert.Contains("Pakollinen", noReason.ErrorSummary);
        Assert.True(await w.DbAsync(db => db.CollectionRounds.Where(r => r.Id == own.Round).Select(r => r.Closed).SingleAsync()));

        await coordinator.SubmitAsync(roundPage, new() { ["Reason"] = "Tampereen korjaus lähtöpaikkoihin" }, "form[action*=Reopen]");
        Assert.False(await w.DbAsync(db => db.CollectionRounds.Where(r => r.Id == own.Round).Select(r => r.Closed).SingleAsync()));
        var entry = await w.DbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .SingleAsync(e => e.Action == "monitoring.round-reopened" && e.Subject == $"monitoring-round:{own.Round}"));
        Assert.Equal("Tampereen korjaus lähtöpaikkoihin", entry.Details);
    }

    [Fact]
    public async Task Units_that_have_not_submitted_are_reminded_once_before_the_deadline()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var soon = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        var waiting = await w.OwnUnitAsync(deadline: soon, language: "en");
        var done = await w.OwnUnitAsync(deadline: soon);
        await w.DbAsync(db => db.RoundUnits.Where(r => r.RoundId == done.Round)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, RoundStatus.Submitted)));
        var far = await w.OwnUnitAsync(deadline: soon.AddDays(60));

        await app.WithServicesAsync(services => services.GetRequiredService<RoundReminders>().SendAsync(default));
        await app.WithServicesAsync(services => services.GetRequiredService<RoundReminders>().SendAsync(default));

        var reminders = (await app.MailToAsync(waiting.ReporterEmail)).Where(m => m.Subject.StartsWith("Reminder")).ToList();
        var mail = Assert.Single(reminders);
        Assert.Contains(waiting.ReportPath, mail.TextBody);
        Assert.Empty(await app.MailToAsync(done.ReporterEmail));
        Assert.Empty(await app.MailToAsync(far.ReporterEmail));
    }
}
