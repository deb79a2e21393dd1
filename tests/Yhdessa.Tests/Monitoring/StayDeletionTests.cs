using System.Net;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Tests.Account;
using Person = Yhdessa.Tests.Support.WebBrowser;


namespace Yhdessa.Tests.Monitoring;

[Collection("Monitoring on SQLite")]
public sealed class MonitoringStayDeletionOnSqlite(SqliteApp app) : MonitoringStayDeletionTests(app);
[Collection("Monitoring on PostgreSQL")]
public sealed class MonitoringStayDeletionOnPostgres(PostgresApp app) : MonitoringStayDeletionTests(app);

/// <summary>Deleting a stay reported by mistake: from its edit page through a confirmation, audited without the
/// resident code, and only while the stay may still change — never another unit's, a closed round's or a settled one.</summary>
public abstract class MonitoringStayDeletionTests(YhdessaApp app)
{
    private Task<int> AddStayAsync(MonitoringWorld w, OwnUnit own, string resident, int? round = null) => w.DbAsync(async db =>
    {
        var stay = new Stay(own.Unit, own.Service, resident, new DateOnly(2025, 2, 1), SituationBefore.Homeless, roundId: round ?? own.Round);
        db.Stays.Add(stay);
        await db.SaveChangesAsync();
        return stay.Id;
    });

    /// <summary>A post with the person's own antiforgery token, as a hand-made request would carry it.</summary>
    private static async Task<Person.Page> ForcedPostAsync(Person person, string tokenPage, string url)
    {
        var form = await person.GetAsync(tokenPage);
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await person.PostAsync(url, [new("__RequestVerificationToken", token)]);
    }

    [Fact]
    public async Task A_reporter_deletes_a_stay_after_confirming_and_the_audit_log_has_no_resident_code()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync();
        var stayId = await AddStayAsync(w, own, "TRE-VAHINKO-1");
        var reporter = await MonitoringWorld.SignedInAsync(app, own.ReporterEmail);

        var edit = await reporter.OpenAsync($"{own.ReportPath}/stays/{stayId}");
        var link = edit.Document.QuerySelector($"a[href='{own.ReportPath}/stays/{stayId}/delete']");
        Assert.Equal("Poista asumisjakso", link?.TextContent.Trim());

        var confirm = await reporter.OpenAsync($"{own.ReportPath}/stays/{stayId}/delete");
        Assert.Equal("Poistetaanko asumisjakso TRE-VAHINKO-1?", confirm.H1);
        Assert.Contains("merkitse jaksolle päättymispäivä", confirm.Text);
        Assert.True(await w.DbAsync(db => db.Stays.AnyAsync(s => s.Id == stayId)));

        var deleted = await reporter.SubmitAsync($"{own.ReportPath}/stays/{stayId}/delete", []);
        Assert.Equal(own.ReportPath, deleted.Path);
        Assert.Contains("Asumisjakso poistettiin", deleted.Notice);
        Assert.DoesNotContain("TRE-VAHINKO-1", deleted.Text);
        Assert.False(await w.DbAsync(db => db.Stays.AnyAsync(s => s.Id == stayId)));
        Assert.Equal(RoundStatus.InProgress, (await w.StatusAsync(own.Round, own.Unit)).Status);

        var entry = await w.DbAsync(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Action == "monitoring.stay-deleted" && e.Subject == $"monitoring-stay:{stayId}"));
        Assert.Equal($"monitoring-unit:{own.Unit}/round:{own.Round}", entry.Details);
        Assert.False(await w.DbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Subject.Contains("TRE-VAHINKO") || (e.Details != null && e.Details.Contains("TRE-VAHINKO")))));
    }

    [Fact]
    public async Task A_reporter_of_another_unit_cannot_see_or_delete_the_stay_by_any_address()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync();
        var stayId = await AddStayAsync(w, own, "TRE-TOINEN-1");
        var other = await w.OwnUnitAsync();
        var stranger = await MonitoringWorld.SignedInAsync(app, other.ReporterEmail);

        var direct = $"{own.ReportPath}/stays/{stayId}/delete";
        var throughOwnReport = $"{other.ReportPath}/stays/{stayId}/delete";
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.OpenAsync(direct)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.OpenAsync(throughOwnReport)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ForcedPostAsync(stranger, other.ReportPath, direct)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ForcedPostAsync(stranger, other.ReportPath, throughOwnReport)).Status);

        Assert.True(await w.DbAsync(db => db.Stays.AnyAsync(s => s.Id == stayId)));
        Assert.False(await w.DbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "monitoring.stay-deleted" && e.Subject == $"monitoring-stay:{stayId}")));
    }

    [Fact]
    public async Task A_stay_of_a_closed_round_or_a_submitted_report_is_not_deleted_and_the_page_says_why()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var closed = await w.OwnUnitAsync();
        var closedStay = await AddStayAsync(w, closed, "TRE-SULJETTU-1");
        await w.DbAsync(db => db.CollectionRounds.Where(r => r.Id == closed.Round).ExecuteUpdateAsync(set => set.SetProperty(r => r.Closed, true)));
        var reporter = await MonitoringWorld.SignedInAsync(app, closed.ReporterEmail);

        var edit = await reporter.OpenAsync($"{closed.ReportPath}/stays/{closedStay}");
        Assert.Null(edit.Document.QuerySelector("a[href$='/delete']"));
        var page = await reporter.OpenAsync($"{closed.ReportPath}/stays/{closedStay}/delete");
        Assert.Contains("Kierros on suljettu", page.Notice);
        Assert.Null(page.Document.QuerySelector("main form[method=post]"));
        var forced = await ForcedPostAsync(reporter, closed.ReportPath + "/stays/new", $"{closed.ReportPath}/stays/{closedStay}/delete");
        Assert.Contains("Kierros on suljettu", forced.ErrorSummary);
        Assert.True(await w.DbAsync(db => db.Stays.AnyAsync(s => s.Id == closedStay)));

        var submitted = await w.OwnUnitAsync();
        var submittedStay = await AddStayAsync(w, submitted, "TRE-LAHETETTY-1");
        var swede = await MonitoringWorld.SignedInAsync(app, submitted.ReporterEmail);
        await swede.SubmitAsync(submitted.ReportPath, [], "main form[method=post]");
        Assert.Equal(RoundStatus.Submitted, (await w.StatusAsync(submitted.Round, submitted.Unit)).Status);
        var locked = await ForcedPostAsync(swede, submitted.ReportPath + "/stays/new", $"{submitted.ReportPath}/stays/{submittedStay}/delete?culture=sv");
        Assert.Contains("Rapporten är inskickad eller godkänd", locked.ErrorSummary);
        Assert.True(await w.DbAsync(db => db.Stays.AnyAsync(s => s.Id == submittedStay)));
    }

    [Fact]
    public async Task A_stay_settled_in_a_closed_round_is_not_deleted_in_a_later_one()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync();
        var later = await MonitoringWorld.NewRoundAsync(app, (own.Unit, ReportingMethod.Stays));
        var stayId = await AddStayAsync(w, own, "TRE-VANHA-1");
        await w.DbAsync(db => db.CollectionRounds.Where(r => r.Id == own.Round).ExecuteUpdateAsync(set => set.SetProperty(r => r.Closed, true)));
        var reporter = await MonitoringWorld.SignedInAsync(app, own.ReporterEmail);
        var report = $"/monitoring/report/{later}/{own.Unit}";

        var page = await reporter.OpenAsync($"{report}/stays/{stayId}/delete");
        Assert.Contains("osuu suljetun kierroksen", page.Notice);
        var forced = await ForcedPostAsync(reporter, report + "/stays/new", $"{report}/stays/{stayId}/delete");
        Assert.Contains("osuu suljetun kierroksen", forced.ErrorSummary);
        Assert.True(await w.DbAsync(db => db.Stays.AnyAsync(s => s.Id == stayId)));
    }

    [Fact]
    public async Task A_coordinator_deletes_a_units_stay_in_english()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync();
        var stayId = await AddStayAsync(w, own, "TRE-KOORD-1");
        var coordinator = await MonitoringWorld.SignedInAsync(app, w.CoordinatorEmail);

        var confirm = await coordinator.OpenAsync($"{own.ReportPath}/stays/{stayId}/delete?culture=en");
        Assert.Equal("Delete stay TRE-KOORD-1?", confirm.H1);
        var deleted = await coordinator.SubmitAsync($"{own.ReportPath}/stays/{stayId}/delete?culture=en", []);
        Assert.Contains("The stay was deleted.", deleted.Notice);
        Assert.False(await w.DbAsync(db => db.Stays.AnyAsync(s => s.Id == stayId)));
    }
}
