using System.Net;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Tests.Account;

namespace Yhdessa.Tests.Monitoring;

[Collection("Monitoring on SQLite")]
public sealed class DisguisedIdentifierFormsOnSqlite(SqliteApp app) : DisguisedIdentifierFormTests(app);
[Collection("Monitoring on PostgreSQL")]
public sealed class DisguisedIdentifierFormsOnPostgres(PostgresApp app) : DisguisedIdentifierFormTests(app);

/// <summary>The report's web forms refuse identifiers however they are written: in a resident code, in the survey's
/// free text and in the resident search. Nothing is stored, and the reporter is told why in their language.</summary>
public abstract class DisguisedIdentifierFormTests(YhdessaApp app)
{
    /// <summary>Resident codes that hold the identity code 131052-308T (or another one of the corpus).</summary>
    public static TheoryData<string> ResidentCodes() =>
    [
        "2024131052-308T", "9131052-308T", "131052_308T", "131052308T", "1999131052-308T", "HKI_131052308t",
        "１３１０５２-３０８T", "١٣١٠٥٢-٣٠٨T", "131052\u2013308T", "131052-308\u0422", "131052\u2060-308T", "131052\u00AD308T",
        IdentifierCorpus.IdentityCode(18, 3, 2012, 'A', 346).Replace("A", "_"),
    ];

    [Theory]
    [MemberData(nameof(ResidentCodes))]
    public async Task A_resident_code_holding_an_identity_code_is_refused_and_nothing_is_saved(string code)
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync();
        var reporter = await MonitoringWorld.SignedInAsync(app, own.ReporterEmail);

        var page = await reporter.SubmitAsync(own.ReportPath + "/stays/new", new()
        {
            ["Input.ServiceCode"] = "HF1", ["Input.ResidentCode"] = code, ["Input.MoveIn"] = "2025-03-01",
            ["Input.SituationBefore"] = "LongTermHomeless", ["Input.End"] = "", ["Input.Destination"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("henkilötunnukselta näyttävä", page.ErrorSummary);
        Assert.NotNull(page.Document.QuerySelector(".error-summary a[href='#Input_ResidentCode']"));
        Assert.False(await w.DbAsync(db => db.Stays.AnyAsync(s => s.UnitId == own.Unit)));
    }

    public static TheoryData<string, string> FreeTexts() => new()
    {
        { "Asukas 131052\u2013308T muutti.", "a personal identity code" },
        { "Tunnus １３１０５２－３０８Ｔ", "a personal identity code" },
        { "Tunnus 131052-308\u0422 (kyrillinen T)", "a personal identity code" },
        { "131052-\r\n308T", "a personal identity code" },
        { "1 3 1 0 5 2 - 3 0 8 T", "a personal identity code" },
        { "131\u206005\u00AD2-308T", "a personal identity code" },
        { "Yhteys matti\uFF20kunta.fi", "an email address" },
        { "matti [at] kunta.fi", "an email address" },
        { "matti(at)kunta", "an email address" },
        { "puh. 040.123.4567", "a phone number" },
        { "puh. 040\t123   4567", "a phone number" },
        { "puh. ٠٤٠ ١٢٣ ٤٥٦٧", "a phone number" },
        { "puh. 040\u2013123\u20134567", "a phone number" },
    };

    [Theory]
    [MemberData(nameof(FreeTexts))]
    public async Task The_survey_refuses_a_disguised_identifier_in_its_comments_in_the_pages_language(string text, string message)
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync();
        var reporter = await MonitoringWorld.SignedInAsync(app, own.ReporterEmail);
        var year = DateTime.UtcNow.Year;
        var path = $"/monitoring/survey/{own.Unit}/{year}?culture=en";

        var comments = await reporter.SubmitValuesAsync(path, [new("Input.Added[ScatteredWithSupport]", "2"), new("Input.Comments", text)]);
        var explanation = await reporter.SubmitValuesAsync(path, [new("Input.Added[ScatteredWithSupport]", "2"), new("Input.ChangeExplanation", text)]);

        Assert.Contains($"looks like {message}", comments.ErrorSummary);
        Assert.NotNull(comments.Document.QuerySelector(".error-summary a[href='#Input_Comments']"));
        Assert.Contains($"looks like {message}", explanation.ErrorSummary);
        Assert.NotNull(explanation.Document.QuerySelector(".error-summary a[href='#Input_ChangeExplanation']"));
        Assert.False(await w.DbAsync(db => db.AnnualSurveys.AnyAsync(s => s.MunicipalityCode == "837" && s.Year == year)));
    }

    [Theory]
    [InlineData("１２３", null)]
    [InlineData("٣٤٥", null)]
    [InlineData("१२३", null)]
    [InlineData("１３１０５２-３０８T", "henkilötunnukselta")]
    [InlineData("9131052_308T", "henkilötunnukselta")]
    [InlineData("HKI\u200B-A", null)]
    public async Task The_resident_search_answers_any_digits_and_refuses_identifiers(string search, string? message)
    {
        var w = await MonitoringWorld.OfAsync(app);
        var own = await w.OwnUnitAsync();
        var reporter = await MonitoringWorld.SignedInAsync(app, own.ReporterEmail);

        var page = await reporter.OpenAsync($"{own.ReportPath}?resident={Uri.EscapeDataString(search)}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        if (message is null) Assert.Null(page.ErrorSummary);
        else Assert.Contains(message, page.ErrorSummary);
    }
}
