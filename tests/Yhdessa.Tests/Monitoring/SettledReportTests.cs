using System.Net;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Tests.Account;
using Yhdessa.Tests.Monitoring.Import;
using Person = Yhdessa.Tests.Support.WebBrowser;


namespace Yhdessa.Tests.Monitoring;

[Collection("Monitoring on SQLite")]
public sealed class MonitoringSettledReportOnSqlite(SqliteApp app) : MonitoringSettledReportTests(app);
[Collection("Monitoring on PostgreSQL")]
public sealed class MonitoringSettledReportOnPostgres(PostgresApp app) : MonitoringSettledReportTests(app);

/// <summary>
/// A unit with two rounds open at once: its 2025 report is with the coordinator (submitted or accepted) and its
/// 2026H1 report is being filled in. A stay counts in every round whose period it overlaps, so nothing done in the
/// later report — form, deletion or import — may change the figures of the settled one; a continuing stay may be
/// ended in the later round's period, and that is recorded there.
/// </summary>
public abstract class MonitoringSettledReportTests(YhdessaApp app)
{
    private sealed record Setting(MonitoringWorld World, OwnUnit Own, string SettledName, int Later, string LaterName, string LaterPath,
        Person Reporter, int Ongoing, int Ended);

    private static Dictionary<string, string> Stay(string resident, string moveIn, string end = "", string destination = "",
        string situation = "LongTermHomeless") => new()
        {
            ["Input.ServiceCode"] = "HF1", ["Input.ResidentCode"] = resident, ["Input.MoveIn"] = moveIn,
            ["Input.SituationBefore"] = situation, ["Input.End"] = end, ["Input.Destination"] = destination,
        };

    /// <summary>The 2025 report with an ongoing and an ended stay, submitted by the reporter (and accepted by the
    /// coordinator when asked), and a 2026H1 round opened for the same unit.</summary>
    private async Task<Setting> SettingAsync(RoundStatus settled)
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync();
        var later = await MonitoringWorld.NewRoundAsync(app, (own.Unit, ReportingMethod.Stays));
        await w.DbAsync(db => db.CollectionRounds.Where(r => r.Id == later).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.Start, new DateOnly(2026, 1, 1)).SetProperty(r => r.End, new DateOnly(2026, 6, 30)).SetProperty(r => r.Period, "2026H1")));
        var reporter = await MonitoringWorld.SignedInAsync(app, own.ReporterEmail);
        Assert.Null((await reporter.SubmitAsync(own.ReportPath + "/stays/new", Stay("TRE-JATKUU-1", "2025-02-01"))).ErrorSummary);
        Assert.Null((await reporter.SubmitAsync(own.ReportPath + "/stays/new",
            Stay("TRE-PAATTYI-1", "2025-03-01", "2025-09-30", "MoreIndependentHousing"))).ErrorSummary);
        await reporter.SubmitAsync(own.ReportPath, [], "main form[method=post]");
        if (settled == RoundStatus.Accepted)
        {
            var coordinator = await MonitoringWorld.SignedInAsync(app, w.CoordinatorEmail);
            await coordinator.SubmitAsync($"/monitoring/rounds/{own.Round}", [], "form[action*=Accept]");
        }
        Assert.Equal(settled, (await w.StatusAsync(own.Round, own.Unit)).Status);
        var names = await w.DbAsync(db => db.CollectionRounds.Where(r => r.Id == own.Round || r.Id == later).ToDictionaryAsync(r => r.Id, r => r.Name));
        var stays = await w.DbAsync(db => db.Stays.AsNoTracking().Where(s => s.UnitId == own.Unit).ToListAsync());
        return new Setting(w, own, names[own.Round], later, names[later], $"/monitoring/report/{later}/{own.Unit}", reporter,
            stays.Single(s => s.ResidentCode == "TRE-JATKUU-1").Id, stays.Single(s => s.ResidentCode == "TRE-PAATTYI-1").Id);
    }

    /// <summary>What the reporter sees of a report: its status, stays and history.</summary>
    private static async Task<string> SeenAsync(Person person, string path)
    {
        var page = await person.OpenAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.Document.QuerySelector("main")!.TextContent;
    }

    /// <summary>The report's history as the reader sees it, a line each.</summary>
    private static async Task<List<string>> HistoryAsync(Person person, string path)
    {
        var page = await person.OpenAsync(path);
        var heading = page.Document.QuerySelectorAll("main h2").Single(h => h.TextContent == "Käsittelyhistoria");
        return [.. heading.NextElementSibling!.QuerySelectorAll("li").Select(li => li.TextContent.Trim())];
    }

    private const string LaterNote = "raporttiin kuuluvia jatkuneita asumisjaksoja päätettiin tai niiden päättymispäivää muutettiin tällä kierroksella: 1. Sen raportin luvut eivät muuttuneet.";

    private static string SettledNote(Setting s) =>
        $"Tämän raportin jatkuneita asumisjaksoja päätettiin tai niiden päättymispäivää muutettiin kierroksella ”{s.LaterName}”: 1. Tämän raportin luvut eivät muuttuneet.";

    private static Task<List<Stay>> StaysAsync(Setting s) =>
        s.World.DbAsync(db => db.Stays.AsNoTracking().Where(x => x.UnitId == s.Own.Unit).OrderBy(x => x.Id).ToListAsync());

    private static object Figures(Stay s) => new { s.Id, s.ServiceId, s.ResidentCode, s.MoveIn, s.SituationBefore, s.End, s.Destination, s.RoundId, s.UpdatedAt };

    /// <summary>A post with the person's own antiforgery token, as a hand-made request would carry it.</summary>
    private static async Task<Person.Page> ForcedPostAsync(Person person, string tokenPage, string url, Dictionary<string, string>? fields = null)
    {
        var form = await person.GetAsync(tokenPage);
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await person.PostAsync(url, [new("__RequestVerificationToken", token), .. fields ?? []]);
    }

    [Theory]
    [InlineData(RoundStatus.Submitted)]
    [InlineData(RoundStatus.Accepted)]
    public async Task The_stays_of_a_settled_report_are_not_changed_or_deleted_through_another_rounds_forms(RoundStatus settled)
    {
        var s = await SettingAsync(settled);
        var seen = await SeenAsync(s.Reporter, s.Own.ReportPath);
        var saved = (await StaysAsync(s)).Select(Figures).ToList();
        var refusal = $"kierroksen ”{s.SettledName}”";

        var form = await s.Reporter.OpenAsync($"{s.LaterPath}/stays/{s.Ongoing}");
        Assert.Contains(refusal, form.Text);
        Assert.Contains("Jakson voi vain päättää, aikaisintaan 1.1.2026", form.Text);
        Assert.Null(form.Document.GetElementById("Input_MoveIn"));
        Assert.Null(form.Document.QuerySelector("a[href$='/delete']"));

        var movedIn = await s.Reporter.SubmitAsync($"{s.LaterPath}/stays/{s.Ongoing}", Stay("TRE-JATKUU-1", "2025-04-01"));
        Assert.Contains(refusal, movedIn.ErrorSummary);
        Assert.Contains("palauttaa raportin korjattavaksi", movedIn.ErrorSummary);
        var endedInside = await s.Reporter.SubmitAsync($"{s.LaterPath}/stays/{s.Ongoing}", new() { ["Input.End"] = "2025-10-31", ["Input.Destination"] = "Died" });
        Assert.Contains(refusal, endedInside.ErrorSummary);

        var ended = await s.Reporter.OpenAsync($"{s.LaterPath}/stays/{s.Ended}");
        Assert.Contains(refusal, ended.Notice);
        Assert.Null(ended.Document.QuerySelector("main form[method=post]"));
        var changedEnd = await ForcedPostAsync(s.Reporter, s.LaterPath + "/stays/new", $"{s.LaterPath}/stays/{s.Ended}",
            Stay("TRE-PAATTYI-1", "2025-03-01", "2025-08-31", "Died"));
        Assert.Contains(refusal, changedEnd.ErrorSummary);

        foreach (var stay in new[] { s.Ongoing, s.Ended })
        {
            var confirm = await s.Reporter.OpenAsync($"{s.LaterPath}/stays/{stay}/delete");
            Assert.Contains(refusal, confirm.Notice);
            var deleted = await ForcedPostAsync(s.Reporter, s.LaterPath + "/stays/new", $"{s.LaterPath}/stays/{stay}/delete");
            Assert.Contains(refusal, deleted.ErrorSummary);
        }

        var added = await s.Reporter.SubmitAsync($"{s.LaterPath}/stays/new", Stay("TRE-MYOHASSA-1", "2025-05-01"));
        Assert.Contains(refusal, added.ErrorSummary);
        Assert.Equal("true", added.Document.GetElementById("Input_MoveIn")?.GetAttribute("aria-invalid"));
        var english = await s.Reporter.SubmitAsync($"{s.LaterPath}/stays/new?culture=en", Stay("TRE-MYOHASSA-1", "2025-05-01"));
        Assert.Contains($"round “{s.SettledName}”, whose report has been submitted or accepted", english.ErrorSummary);
        Assert.Contains("A coordinator can return that report for correction", english.ErrorSummary);

        Assert.Equal(saved, (await StaysAsync(s)).Select(Figures).ToList());
        Assert.Equal(settled, (await s.World.StatusAsync(s.Own.Round, s.Own.Unit)).Status);
        Assert.Equal(RoundStatus.NotStarted, (await s.World.StatusAsync(s.Later, s.Own.Unit)).Status);
        Assert.Equal(seen, await SeenAsync(s.Reporter, s.Own.ReportPath));
    }

    [Theory]
    [InlineData(RoundStatus.Submitted)]
    [InlineData(RoundStatus.Accepted)]
    public async Task A_stay_continuing_from_a_settled_report_is_ended_in_the_later_round_and_the_settled_figures_stay(RoundStatus settled)
    {
        var s = await SettingAsync(settled);
        var history = await HistoryAsync(s.Reporter, s.Own.ReportPath);
        Assert.Equal(settled == RoundStatus.Accepted ? 3 : 2, history.Count);
        var ongoingAtEnd = await SeenAsync(s.Reporter, s.Own.ReportPath + "?show=ongoing");

        var swedish = await s.Reporter.SubmitAsync($"{s.LaterPath}/stays/{s.Ongoing}?culture=sv",
            new() { ["Input.End"] = "2025-12-31", ["Input.Destination"] = "Died" });
        Assert.Contains($"omgången ”{s.SettledName}”, vars rapport är inskickad eller godkänd", swedish.ErrorSummary);
        Assert.Null((await s.World.StayAsync(s.Ongoing)).End);

        var ended = await s.Reporter.SubmitAsync($"{s.LaterPath}/stays/{s.Ongoing}",
            new() { ["Input.End"] = "2026-01-01", ["Input.Destination"] = "MoreIndependentHousing" });
        Assert.Equal(s.LaterPath, ended.Path);
        Assert.Contains("Asumisjakso tallennettiin", ended.Notice);
        var stay = await s.World.StayAsync(s.Ongoing);
        Assert.Equal((new DateOnly(2025, 2, 1), SituationBefore.LongTermHomeless, new DateOnly(2026, 1, 1), Destination.MoreIndependentHousing, s.Later),
            (stay.MoveIn, stay.SituationBefore, stay.End!.Value, stay.Destination!.Value, stay.RoundId!.Value));

        // The later report has the stay and its history the change; the settled one keeps its status and figures, and
        // its history says why the stay now shows a later end.
        Assert.Equal(RoundStatus.InProgress, (await s.World.StatusAsync(s.Later, s.Own.Unit)).Status);
        Assert.Contains("TRE-JATKUU-1", (await s.Reporter.OpenAsync(s.LaterPath)).Text);
        var laterHistory = await HistoryAsync(s.Reporter, s.LaterPath);
        Assert.Equal(2, laterHistory.Count);
        Assert.EndsWith(": Kesken", laterHistory[0]);
        Assert.EndsWith($": Kierroksen ”{s.SettledName}” {LaterNote}", laterHistory[1]);
        Assert.Equal(settled, (await s.World.StatusAsync(s.Own.Round, s.Own.Unit)).Status);
        Assert.Equal([.. history, laterHistory[1][..laterHistory[1].IndexOf(": ", StringComparison.Ordinal)] + ": " + SettledNote(s)],
            await HistoryAsync(s.Reporter, s.Own.ReportPath));
        Assert.Contains("TRE-JATKUU-1", await SeenAsync(s.Reporter, s.Own.ReportPath + "?show=ongoing"));
        Assert.Contains("TRE-JATKUU-1", ongoingAtEnd);
        Assert.DoesNotContain("TRE-JATKUU-1", await SeenAsync(s.Reporter, s.Own.ReportPath + "?show=ended"));
    }

    [Theory]
    [InlineData(RoundStatus.Submitted)]
    [InlineData(RoundStatus.Accepted)]
    public async Task An_import_into_the_later_round_that_would_change_a_settled_report_is_refused_and_saves_nothing(RoundStatus settled)
    {
        var s = await SettingAsync(settled);
        var saved = (await StaysAsync(s)).Select(Figures).ToList();

        var response = await s.Reporter.UploadAsync(s.Later, s.Own.Unit, ImportFiles.StaysCsv(
            "HF1;TRE-JATKUU-1;1.2.2025;LongTermHomeless;31.10.2025;Died",          // row 2: ends within the settled period
            "HF1;TRE-PAATTYI-1;1.3.2025;LongTermHomeless;30.9.2025;Died",          // 3: another destination in it
            "HF1;TRE-MYOHASSA-1;1.6.2025;Homeless;;",                              // 4: a new stay in the settled period
            "HF1;TRE-UUSI-1;1.2.2026;Homeless;;"), language: "en");                // 5: fine, but not saved either
        var page = await Person.Page.ReadAsync(response);
        var lines = page.ReportLines();
        var refusal = $"round “{s.SettledName}”, whose report has been submitted or accepted";
        Assert.Contains(lines, l => l.StartsWith("Row 2") && l.Contains(refusal));
        Assert.Contains(lines, l => l.StartsWith("Row 3") && l.Contains(refusal));
        Assert.Contains(lines, l => l.StartsWith("Row 4") && l.Contains(refusal));
        Assert.DoesNotContain(lines, l => l.StartsWith("Row 5"));
        Assert.Equal(saved, (await StaysAsync(s)).Select(Figures).ToList());
        Assert.Equal(RoundStatus.NotStarted, (await s.World.StatusAsync(s.Later, s.Own.Unit)).Status);

        var continued = await s.Reporter.UploadAsync(s.Later, s.Own.Unit, ImportFiles.StaysCsv(
            "HF1;TRE-JATKUU-1;1.2.2025;LongTermHomeless;15.2.2026;MoreIndependentHousing",
            "HF1;TRE-PAATTYI-1;1.3.2025;LongTermHomeless;30.9.2025;MoreIndependentHousing",
            "HF1;TRE-UUSI-1;1.2.2026;Homeless;;"));
        Assert.Contains("Uusia jaksoja: 1, päivitettyjä: 1, ennallaan: 1", (await Person.Page.ReadAsync(continued)).Text);
        var stay = await s.World.StayAsync(s.Ongoing);
        Assert.Equal((new DateOnly(2026, 2, 15), s.Later), (stay.End!.Value, stay.RoundId!.Value));
        Assert.Equal(saved[1], Figures(await s.World.StayAsync(s.Ended)));
        Assert.Equal(settled, (await s.World.StatusAsync(s.Own.Round, s.Own.Unit)).Status);
        Assert.Equal(RoundStatus.InProgress, (await s.World.StatusAsync(s.Later, s.Own.Unit)).Status);
        Assert.EndsWith(LaterNote, (await HistoryAsync(s.Reporter, s.LaterPath)).Last());
        Assert.EndsWith(SettledNote(s), (await HistoryAsync(s.Reporter, s.Own.ReportPath)).Last());
    }
}
