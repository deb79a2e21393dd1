using System.Net;


namespace Yhdessa.Tests.Monitoring.Import;

[Collection("Monitoring on SQLite")]
public sealed class DisguisedIdentifierImportOnSqlite(SqliteApp app) : DisguisedIdentifierImportTests(app);
[Collection("Monitoring on PostgreSQL")]
public sealed class DisguisedIdentifierImportOnPostgres(PostgresApp app) : DisguisedIdentifierImportTests(app);

/// <summary>The import refuses identifiers however a file writes them, in CSV and XLSX alike: each is reported by
/// row and column in the reporter's language, nothing is saved, and digits of any script never break the import.</summary>
public abstract class DisguisedIdentifierImportTests(YhdessaApp app)
{
    /// <summary>Rows 2–9 of a stay file, each with one disguised identifier, and the column it is reported in.</summary>
    private static readonly (string Row, string Column, string Words)[] Rows =
    [
        ("A1;1999131052-308T;1.2.2025;Homeless;;", "Asukastunnus", "henkilötun"),
        ("A1;131052_308T;1.2.2025;Homeless;;", "Asukastunnus", "henkilötun"),
        ("A1;131052308T;1.2.2025;Homeless;;", "Asukastunnus", "henkilötun"),
        ("A1;１３１０５２-３０８T;1.2.2025;Homeless;;", "Asukastunnus", "henkilötun"),
        ("A1;ok-6;1.2.2025;Homeless;1.3.2025;soita 040\u2013123\u20134567", "Sijoittuminen", "puhelinnumero"),
        ("A1;ok-7;1.2.2025;matti\uFF20kunta.fi;;", "Tilanne ennen muuttoa", "sähköposti"),
        ("A1;ok-8;1.2.2025;Homeless;1.3.2025;asukas 131052\u2060-308\u0422", "Sijoittuminen", "henkilötun"),
        ("A1;ok-9;١.٢.٢٠٢٥;Homeless;;", "Muuttopäivä", ""),
    ];

    private static void AssertReported(WebBrowser.Page page)
    {
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var lines = page.ReportLines();
        for (var i = 0; i < Rows.Length; i++)
        {
            var (_, column, words) = Rows[i];
            Assert.Contains(lines, l => l.StartsWith($"Rivi {i + 2}, sarake {column}: ") && l.Contains(words));
        }
        Assert.Contains("Mitään ei tallennettu", page.Text);
        Assert.DoesNotContain("131052", page.Html);
    }

    [Fact]
    public async Task A_csv_file_with_disguised_identifiers_is_refused_cell_by_cell()
    {
        var setting = await app.SettingAsync();
        var page = await setting.ImportAsync(ImportFiles.StaysCsv([.. Rows.Select(r => r.Row)]));
        AssertReported(page);
        Assert.Empty(await app.StaysAsync(setting.UnitId));
    }

    [Fact]
    public async Task An_xlsx_file_with_disguised_identifiers_is_refused_cell_by_cell()
    {
        var setting = await app.SettingAsync();
        var rows = new[] { ImportFiles.StaysHeaderFi }.Concat(Rows.Select(r => r.Row))
            .Select(line => line.Split(';').Select(cell => (object?)(cell.Length == 0 ? null : cell)).ToArray());
        var page = await setting.ImportAsync(ImportFiles.Xlsx(rows), "jaksot.xlsx");
        AssertReported(page);
        Assert.Empty(await app.StaysAsync(setting.UnitId));
    }

    [Fact]
    public async Task A_disguised_identifier_as_a_heading_is_reported_by_the_columns_letter()
    {
        var setting = await app.SettingAsync();
        var page = await setting.ImportAsync(ImportFiles.Csv(ImportFiles.StaysHeaderFi + ";１３１０５２\u2013３０８T\r\nA1;ok-1;1.2.2025;Homeless;;;\r\n"));

        Assert.Contains(page.ReportLines(), l => l.StartsWith("Rivi 1, sarake G: ") && l.Contains("henkilötun"));
        Assert.Empty(await app.StaysAsync(setting.UnitId));
    }

    [Theory]
    [InlineData("１２")]
    [InlineData("٣٤")]
    [InlineData("१२")]
    [InlineData("1\u200B2")]
    public async Task Digits_of_any_script_in_a_count_are_reported_not_a_failure(string count)
    {
        var setting = await app.SettingAsync(Yhdessa.Features.Monitoring.Data.ReportingMethod.Aggregate);
        var page = await setting.ImportAsync(ImportFiles.Csv($"Palvelutyyppi;Mittari;Luokka;Lukumäärä\r\nSupportedHousing;MovesIn;LongTermHomeless;{count}\r\n"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.ReportLines(), l => l.StartsWith("Rivi 2, sarake Lukumäärä: "));
        Assert.Contains("Mitään ei tallennettu", page.Text);
    }
}
