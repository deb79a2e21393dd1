using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Tests.Account;
using Person = Yhdessa.Tests.Support.WebBrowser;


namespace Yhdessa.Tests.Monitoring;

[Collection("Monitoring on SQLite")]
public sealed class MonitoringReportingOnSqlite(SqliteApp app) : MonitoringReportingTests(app);
[Collection("Monitoring on PostgreSQL")]
public sealed class MonitoringReportingOnPostgres(PostgresApp app) : MonitoringReportingTests(app);

/// <summary>The web forms of a unit's report: stays, counts and the annual survey — what they accept, what they
/// refuse and say, and that a refused form changes nothing.</summary>
public abstract class MonitoringReportingTests(YhdessaApp app)
{
    private static Dictionary<string, string> Stay(string resident = "TRE-0001", string moveIn = "2025-03-01", string situation = "LongTermHomeless",
        string end = "", string destination = "", string service = "HF1") => new()
        {
            ["Input.ServiceCode"] = service, ["Input.ResidentCode"] = resident, ["Input.MoveIn"] = moveIn,
            ["Input.SituationBefore"] = situation, ["Input.End"] = end, ["Input.Destination"] = destination,
        };

    [Fact]
    public async Task A_reporter_adds_and_ends_a_stay_and_the_report_is_in_progress()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync();
        var reporter = await MonitoringWorld.SignedInAsync(app, own.ReporterEmail);

        var added = await reporter.SubmitAsync(own.ReportPath + "/stays/new", Stay());
        Assert.Equal(own.ReportPath, added.Path);
        Assert.Contains("Asumisjakso tallennettiin", added.Notice);
        Assert.Contains("TRE-0001", added.Text);
        Assert.Equal(RoundStatus.InProgress, (await w.StatusAsync(own.Round, own.Unit)).Status);

        var stay = await w.DbAsync(db => db.Stays.AsNoTracking().SingleAsync(s => s.UnitId == own.Unit));
        var ended = await reporter.SubmitAsync($"{own.ReportPath}/stays/{stay.Id}",
            Stay(end: "1.9.2025", destination: "MoreIndependentHousing"));
        Assert.Equal(own.ReportPath, ended.Path);
        stay = await w.StayAsync(stay.Id);
        Assert.Equal((new DateOnly(2025, 9, 1), Destination.MoreIndependentHousing), (stay.End, stay.Destination));
        Assert.Equal(own.Round, stay.RoundId);
    }

    public static TheoryData<string, string, string, string> BadStays() => new()
    {
        // field value, the field, expected words of the message
        { "Input.ResidentCode", "131052-308T", "Input_ResidentCode", "henkilötunnukselta" },
        { "Input.ResidentCode", "010594Y123W", "Input_ResidentCode", "henkilötunnukselta" },
        { "Input.ResidentCode", "0401234567", "Input_ResidentCode", "puhelinnumerolta" },
        { "Input.ResidentCode", "matti@example.fi", "Input_ResidentCode", "sähköpostiosoitteelta" },
        { "Input.ResidentCode", "Matti Meikäläinen", "Input_ResidentCode", "vain kirjaimia" },
        { "Input.MoveIn", "2099-01-01", "Input_MoveIn", "tulevaisuudessa" },
        { "Input.MoveIn", "32.13.2025", "Input_MoveIn", "muodossa 1.3.2026" },
        { "Input.MoveIn", "", "Input_MoveIn", "Pakollinen" },
        { "Input.ServiceCode", "XX9", "Input_ServiceCode", "ei ole palvelua" },
        { "Input.SituationBefore", "3", "Input_SituationBefore", "Tuntematon koodi" },
        { "Input.Destination", "Died", "Input_Destination", "vain, kun asumisjaksolla on päättymispäivä" },
    };

    [Theory]
    [MemberData(nameof(BadStays))]
    public async Task A_bad_stay_is_refused_with_a_message_linked_to_its_field_and_nothing_is_saved(string field, string value, string id, string message)
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync();
        var reporter = await MonitoringWorld.SignedInAsync(app, own.ReporterEmail);
        var form = Stay();
        form[field] = value;

        var page = await reporter.SubmitAsync(own.ReportPath + "/stays/new", form);

        Assert.Contains(message, page.ErrorSummary);
        Assert.NotNull(page.Document.QuerySelector($".error-summary a[href='#{id}']"));
        Assert.Equal("true", page.Document.GetElementById(id)?.GetAttribute("aria-invalid"));
        Assert.False(await w.DbAsync(db => db.Stays.AnyAsync(s => s.UnitId == own.Unit)));
        Assert.Equal(RoundStatus.NotStarted, (await w.StatusAsync(own.Round, own.Unit)).Status);
    }

    [Fact]
    public async Task An_end_before_the_move_in_or_without_a_destination_is_refused()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync();
        var reporter = await MonitoringWorld.SignedInAsync(app, own.ReporterEmail);

        var early = await reporter.SubmitAsync(own.ReportPath + "/stays/new", Stay(end: "2025-02-01", destination: "Died"));
        Assert.Contains("Päättymispäivä ei voi olla ennen muuttopäivää", early.ErrorSummary);
        var noDestination = await reporter.SubmitAsync(own.ReportPath + "/stays/new", Stay(end: "2025-04-01"));
        Assert.Contains("Kerro, mihin asukas siirtyi", noDestination.ErrorSummary);
        var swedish = await reporter.SubmitAsync(own.ReportPath + "/stays/new?culture=sv", Stay(end: "2025-04-01"));
        Assert.Contains("Ange vart den boende flyttade", swedish.ErrorSummary);
        Assert.False(await w.DbAsync(db => db.Stays.AnyAsync(s => s.UnitId == own.Unit)));
    }

    [Fact]
    public async Task Overlapping_stays_of_one_resident_in_one_service_are_refused_and_a_move_on_the_end_day_is_not()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync();
        var reporter = await MonitoringWorld.SignedInAsync(app, own.ReporterEmail);
        await reporter.SubmitAsync(own.ReportPath + "/stays/new", Stay(moveIn: "2025-01-10", end: "2025-05-31", destination: "SimilarHousingElsewhere"));

        var overlapping = await reporter.SubmitAsync(own.ReportPath + "/stays/new", Stay(moveIn: "2025-05-01"));
        Assert.Contains("menee päällekkäin", overlapping.ErrorSummary);
        Assert.Contains("10.1.2025–31.5.2025", overlapping.ErrorSummary);
        var twice = await reporter.SubmitAsync(own.ReportPath + "/stays/new", Stay(moveIn: "2025-01-10", end: "2025-05-31", destination: "SimilarHousingElsewhere"));
        Assert.Contains("menee päällekkäin", twice.ErrorSummary);
        Assert.Equal(1, await w.DbAsync(db => db.Stays.CountAsync(s => s.UnitId == own.Unit)));

        var next = await reporter.SubmitAsync(own.ReportPath + "/stays/new", Stay(moveIn: "2025-05-31"));
        Assert.Null(next.ErrorSummary);
        Assert.Equal(2, await w.DbAsync(db => db.Stays.CountAsync(s => s.UnitId == own.Unit)));
    }

    [Fact]
    public async Task A_submitted_report_is_locked_until_returned()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync();
        var reporter = await MonitoringWorld.SignedInAsync(app, own.ReporterEmail);
        await reporter.SubmitAsync(own.ReportPath + "/stays/new", Stay());

        var submitted = await reporter.SubmitAsync(own.ReportPath, [], "main form[method=post]");
        Assert.Contains("Raportti lähetettiin koordinaattorille", submitted.Notice);
        Assert.Equal(RoundStatus.Submitted, (await w.StatusAsync(own.Round, own.Unit)).Status);
        Assert.Null(submitted.Document.QuerySelector($"a[href='{own.ReportPath}/stays/new']"));

        var form = await reporter.OpenAsync(own.ReportPath + "/stays/new");
        Assert.Contains("Raportti on lähetetty tai hyväksytty", form.Text);
        var token = form.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forced = await reporter.PostAsync(own.ReportPath + "/stays/new", [new("__RequestVerificationToken", token), .. Stay("TRE-0002")]);
        Assert.Contains("Raportti on lähetetty tai hyväksytty", forced.ErrorSummary);
        Assert.Equal(1, await w.DbAsync(db => db.Stays.CountAsync(s => s.UnitId == own.Unit)));
    }

    [Fact]
    public async Task Counts_are_checked_one_by_one_and_must_balance()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync(ReportingMethod.Aggregate);
        var reporter = await MonitoringWorld.SignedInAsync(app, own.ReporterEmail);
        const string prefix = "Counts[HousingFirstCongregate_";

        var bad = await reporter.SubmitAsync(own.ReportPath + "/counts", new()
        {
            [prefix + "MovesIn_Homeless]"] = "-1", [prefix + "StaysEnded_Died]"] = "kaksi",
        });
        Assert.Contains("Anna kokonaisluku väliltä 0–100000", bad.ErrorSummary);
        Assert.Equal(2, bad.Document.QuerySelectorAll(".error-summary li").Length);

        var unbalanced = await reporter.SubmitAsync(own.ReportPath + "/counts", new()
        {
            [prefix + "OngoingAtStart_]"] = "10", [prefix + "MovesIn_Homeless]"] = "4", [prefix + "StaysEnded_Died]"] = "1",
            [prefix + "OngoingAtEnd_]"] = "20",
        });
        Assert.Contains("pitäisi olla 13", unbalanced.ErrorSummary);
        Assert.False(await w.DbAsync(db => db.AggregateValues.AnyAsync(v => v.UnitId == own.Unit)));

        var good = await reporter.SubmitAsync(own.ReportPath + "/counts", new()
        {
            [prefix + "OngoingAtStart_]"] = "10", [prefix + "MovesIn_Homeless]"] = "4", [prefix + "StaysEnded_Died]"] = "1",
            [prefix + "OngoingAtEnd_]"] = "13",
        });
        Assert.Contains("Luvut tallennettiin", good.Notice);
        var values = await w.DbAsync(db => db.AggregateValues.AsNoTracking().Where(v => v.UnitId == own.Unit).ToListAsync());
        Assert.Equal(4, values.Count);
        Assert.Equal(4, values.Single(v => v.Measure == Measure.MovesIn && v.Category == "Homeless").Count);
        Assert.Equal(RoundStatus.InProgress, (await w.StatusAsync(own.Round, own.Unit)).Status);
    }

    [Fact]
    public async Task The_annual_survey_is_prefilled_from_last_year_and_a_large_change_needs_an_explanation()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync(municipality: "020");
        var year = DateTime.UtcNow.Year;
        await w.DbAsync(async db =>
        {
            db.AnnualSurveys.Add(new AnnualSurvey { MunicipalityCode = "020", Year = year - 1, AddedScatteredWithSupport = 10, WorkForms = ["Outreach"], UpdatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var reporter = await MonitoringWorld.SignedInAsync(app, own.ReporterEmail);
        var path = $"/monitoring/survey/{own.Unit}/{year}";

        var form = await reporter.GetAsync(path);
        Assert.Equal("10", form.GetElementById("Input_Added_ScatteredWithSupport_")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("#workform-Outreach[checked]"));

        var identifiers = await reporter.SubmitValuesAsync(path, [new("Input.Added[ScatteredWithSupport]", "12"),
            new("Input.Comments", "Lisätietoja: anna.virtanen@kunta.fi")]);
        Assert.Contains("sähköpostiosoitteelta", identifiers.ErrorSummary);

        var large = await reporter.SubmitValuesAsync(path, [new("Input.Added[ScatteredWithSupport]", "40")]);
        Assert.Contains("muuttuivat paljon", large.ErrorSummary);
        Assert.False(await w.DbAsync(db => db.AnnualSurveys.AnyAsync(s => s.MunicipalityCode == "020" && s.Year == year)));

        var explained = await reporter.SubmitValuesAsync(path, [new("Input.Added[ScatteredWithSupport]", "40"),
            new("Input.WorkForms", "Outreach"), new("Input.WorkForms", "PeerSupport"),
            new("Input.ChangeExplanation", "Uusi kerrostalo valmistui.")]);
        Assert.Contains("Vuosikysely tallennettiin", explained.Notice);
        var saved = await w.DbAsync(db => db.AnnualSurveys.AsNoTracking().SingleAsync(s => s.MunicipalityCode == "020" && s.Year == year));
        Assert.Equal(40, saved.AddedScatteredWithSupport);
        Assert.Equal(["Outreach", "PeerSupport"], saved.WorkForms);
        Assert.Equal("Uusi kerrostalo valmistui.", saved.ChangeExplanation);
    }

    [Fact]
    public async Task A_stay_reported_in_a_closed_round_can_only_be_ended_in_a_later_round()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync();
        var later = await MonitoringWorld.NewRoundAsync(app, (own.Unit, ReportingMethod.Stays));
        var (ongoing, ended) = await w.DbAsync(async db =>
        {
            await db.CollectionRounds.Where(r => r.Id == own.Round).ExecuteUpdateAsync(set => set.SetProperty(r => r.Closed, true));
            await db.CollectionRounds.Where(r => r.Id == later).ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Start, new DateOnly(2026, 1, 1)).SetProperty(r => r.End, new DateOnly(2026, 6, 30)).SetProperty(r => r.Period, "2026H1"));
            var a = new Stay(own.Unit, own.Service, "TRE-OLD-1", new DateOnly(2025, 2, 1), SituationBefore.Homeless, roundId: own.Round);
            var b = new Stay(own.Unit, own.Service, "TRE-OLD-2", new DateOnly(2025, 2, 1), SituationBefore.Homeless, new DateOnly(2025, 8, 1), Destination.Died, own.Round);
            db.Stays.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        var reporter = await MonitoringWorld.SignedInAsync(app, own.ReporterEmail);
        var report = $"/monitoring/report/{later}/{own.Unit}";

        var form = await reporter.OpenAsync($"{report}/stays/{ongoing}");
        Assert.Contains("Jakson voi vain päättää", form.Text);
        Assert.Null(form.Document.GetElementById("Input_MoveIn"));
        var tooEarly = await reporter.SubmitAsync($"{report}/stays/{ongoing}", new() { ["Input.End"] = "2025-12-31", ["Input.Destination"] = "Died" });
        Assert.Contains("osuu suljetun kierroksen", tooEarly.ErrorSummary);
        var endedNow = await reporter.SubmitAsync($"{report}/stays/{ongoing}", new() { ["Input.End"] = "2026-01-15", ["Input.Destination"] = "Homelessness" });
        Assert.Null(endedNow.ErrorSummary);
        var stay = await w.StayAsync(ongoing);
        Assert.Equal((new DateOnly(2025, 2, 1), new DateOnly(2026, 1, 15), later), (stay.MoveIn, stay.End!.Value, stay.RoundId!.Value));

        var settled = await reporter.OpenAsync($"{report}/stays/{ended}");
        Assert.Contains("kierroksen lukuja ei voi muuttaa", settled.Text);
        Assert.Equal(new DateOnly(2025, 8, 1), (await w.StayAsync(ended)).End);
    }

    [Fact]
    public async Task A_half_year_report_shows_a_stay_that_ended_after_its_period_as_going_on_at_its_end()
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync();
        await w.DbAsync(async db =>
        {
            await db.CollectionRounds.Where(r => r.Id == own.Round).ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Start, new DateOnly(2025, 1, 1)).SetProperty(r => r.End, new DateOnly(2025, 6, 30)).SetProperty(r => r.Period, "2025H1"));
            db.Stays.AddRange(
                new Stay(own.Unit, own.Service, "PUOLI-1", new DateOnly(2025, 2, 1), SituationBefore.Homeless, new DateOnly(2025, 3, 1), Destination.Died, own.Round),
                new Stay(own.Unit, own.Service, "PUOLI-2", new DateOnly(2025, 2, 1), SituationBefore.Homeless, new DateOnly(2025, 9, 15), Destination.Homelessness, own.Round));
            return await db.SaveChangesAsync();
        });
        var reporter = await MonitoringWorld.SignedInAsync(app, own.ReporterEmail);

        var page = await reporter.OpenAsync($"/monitoring/report/{own.Round}/{own.Unit}");
        var rows = new[] { "PUOLI-1", "PUOLI-2" }.ToDictionary(code => code,
            code => page.Document.QuerySelectorAll("main table tbody tr").Single(r => r.TextContent.Contains(code)).TextContent);
        Assert.Contains("1.3.2025", rows["PUOLI-1"]);
        Assert.Contains("Kuoli", rows["PUOLI-1"]);
        Assert.Contains("Jatkui kauden lopussa (päättyi myöhemmin 15.9.2025", rows["PUOLI-2"]);
        Assert.DoesNotContain("Asunnottomaksi", rows["PUOLI-2"]);
    }
}
