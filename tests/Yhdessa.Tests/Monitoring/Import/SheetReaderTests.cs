using System.Text;
using Yhdessa.Features.Monitoring.Import;

namespace Yhdessa.Tests.Monitoring.Import;

/// <summary>Reading CSV and XLSX files as reporters' tools write them, and refusing what cannot be read safely.</summary>
public sealed class SheetReaderTests
{
    private static (SheetReader Reader, List<SheetRow> Rows) ReadAll(Stream file)
    {
        var reader = SheetReader.Open(file);
        return (reader, reader.Rows().ToList());
    }

    [Theory]
    [InlineData(";", true)]
    [InlineData(",", false)]
    public void CSV_with_either_separator_and_with_or_without_BOM_reads_the_same(string separator, bool bom)
    {
        var text = string.Join("\r\n",
            string.Join(separator, "Palvelu", "Asukastunnus", "Muuttopäivä"),
            string.Join(separator, "A1", "\"x" + separator + "y\"", "1.2.2025"),
            "",
            string.Join(separator, "A1", "\"rivi\nkaksi\"", "2025-02-03")) + "\r\n";
        var (reader, rows) = ReadAll(ImportFiles.Csv(text, bom));

        Assert.Equal(["Palvelu", "Asukastunnus", "Muuttopäivä"], reader.Header);
        Assert.Empty(reader.Problems);
        Assert.Equal(new string?[] { "A1", "x" + separator + "y", "1.2.2025" }, rows[0].Cells);
        Assert.Equal(2, rows[0].Number);
        Assert.True(rows[1].IsEmpty);
        Assert.Equal("rivi\nkaksi", rows[2].Cells[1]);
        Assert.Equal(4, rows[2].Number);
    }

    [Fact]
    public void A_CSV_saved_in_Windows_1252_is_refused_at_the_first_row_where_it_shows()
    {
        var latin1 = Encoding.Latin1.GetBytes("Palvelu;Asukastunnus\r\nA1;abc\r\nA1;Äö\r\n");
        var (reader, _) = ReadAll(new MemoryStream(latin1));

        // The header has ä in "Muuttopäivä" only in the Finnish template; here the damage shows on row 3.
        var problem = Assert.Single(reader.Problems);
        Assert.Equal(("NotUtf8", 3), (problem.Key, problem.Row));
    }

    [Fact]
    public void Values_beyond_the_headed_columns_and_stray_quotes_are_reported_by_row()
    {
        var (reader, rows) = ReadAll(ImportFiles.Csv("A;B\r\n1;2;3\r\n1;2\"x\r\n"));

        Assert.Contains(reader.Problems, p => p is { Key: "ExtraValues", Row: 2 });
        Assert.Contains(reader.Problems, p => p is { Key: "StrayQuote", Row: 3 });
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public void An_XLSX_is_read_with_date_cells_as_dates_and_numbers_as_typed()
    {
        var file = ImportFiles.Xlsx([
            ["Service", "Resident code", "Move-in date", "Count"],
            ["A1", "007", new DateOnly(2025, 3, 31), 12],
            [],
            ["A2", "x", "1.4.2025", null],
        ]);
        var (reader, rows) = ReadAll(file);

        Assert.Empty(reader.Problems);
        Assert.Equal(["Service", "Resident code", "Move-in date", "Count"], reader.Header);
        Assert.Equal(new string?[] { "A1", "007", "2025-03-31", "12" }, rows[0].Cells);
        Assert.True(rows[1].IsEmpty);
        Assert.Equal((4, "1.4.2025"), (rows[2].Number, rows[2].Cells[2]));
    }

    [Fact]
    public void Formula_and_merged_cells_are_refused_by_cell()
    {
        var file = ImportFiles.Xlsx([["Palvelu", "Asukastunnus"], ["A1", "a"], ["A1", "b"]], workbook =>
        {
            var sheet = workbook.Worksheet(1);
            sheet.Cell("B3").FormulaA1 = "CONCATENATE(\"b\",\"c\")";
            sheet.Range("A2:A3").Merge();
        });
        var (reader, _) = ReadAll(file);

        Assert.Contains(reader.Problems, p => p is { Key: "Formula", Row: 3, Column: "Asukastunnus" } && (string)p.Arguments[0] == "B3");
        Assert.Contains(reader.Problems, p => p is { Key: "MergedCells", Row: 2, Column: "Palvelu" } && (string)p.Arguments[0] == "A2:A3");
    }

    [Fact]
    public void An_extra_sheet_is_refused_but_the_templates_instructions_sheet_is_not()
    {
        var withInstructions = ImportFiles.Xlsx([["Palvelu"], ["A1"]], workbook => workbook.Worksheets.Add("Anvisningar").Cell(1, 1).SetValue("ohje"));
        Assert.Empty(ReadAll(withInstructions).Reader.Problems);

        var withExtra = ImportFiles.Xlsx([["Palvelu"], ["A1"]], workbook => workbook.Worksheets.Add("Taul2").Cell(1, 1).SetValue("A2"));
        var problem = Assert.Single(ReadAll(withExtra).Reader.Problems);
        Assert.Equal(("ExtraSheet", "Taul2"), (problem.Key, (string)problem.Arguments[0]));
    }

    [Fact]
    public void A_file_that_is_neither_CSV_nor_XLSX_is_refused()
    {
        var zip = new MemoryStream([.. "PK\u0003\u0004"u8, 1, 2, 3, 4, 5]);
        Assert.Equal("NotXlsx", Assert.Single(ReadAll(zip).Reader.Problems).Key);
    }

    [Theory]
    [InlineData("Palvelu;Asukastunnus;Muuttopäivä;Tilanne ennen muuttoa")]
    [InlineData("Tjänst;Invånarkod;Inflyttningsdag;Situation före inflyttningen;Slutdatum;Vart efteråt")]
    [InlineData("service,RESIDENT CODE,Move-in date,situation_before")]
    public void Headings_in_any_of_the_three_languages_name_the_stay_columns(string header)
    {
        var problems = new List<ImportProblem>();
        var map = HeaderMap.Read(header.Split(header.Contains(';') ? ';' : ','), problems);

        Assert.Empty(problems);
        Assert.Equal(ImportKind.Stays, map.Kind);
        Assert.Equal(2, map.IndexOf(ImportColumns.MoveIn));
    }

    [Fact]
    public void Unknown_repeated_and_missing_columns_are_problems_of_the_header_row()
    {
        var problems = new List<ImportProblem>();
        HeaderMap.Read(["Palvelu", "Asukastunnus", "Henkilötunnus", "Palvelu", "Muuttopäivä"], problems);

        Assert.Contains(problems, p => p is { Key: "UnknownColumn", Row: 1, Column: "Henkilötunnus" });
        Assert.Contains(problems, p => p is { Key: "RepeatedColumn", Row: 1, Column: "Palvelu" });
        Assert.Contains(problems, p => p.Key == "MissingColumn" && Equals(p.Arguments[0], ImportColumns.SituationBefore));
    }

    [Fact]
    public void The_XLSX_template_reads_back_as_its_own_header_without_problems()
    {
        var localizer = new KeyLocalizer();
        foreach (var kind in Enum.GetValues<ImportKind>())
            foreach (var language in new[] { "fi", "sv", "en" })
            {
                using var reader = SheetReader.Open(new MemoryStream(ImportTemplates.Xlsx(kind, language, localizer)));
                var problems = new List<ImportProblem>(reader.Problems);
                var map = HeaderMap.Read(reader.Header, problems);
                Assert.Empty(problems);
                Assert.Equal(kind, map.Kind);
                Assert.DoesNotContain(reader.Rows(), r => !r.IsEmpty);
            }
    }

    /// <summary>The template's texts as their keys: what is tested here is the structure, not the wording.</summary>
    private sealed class KeyLocalizer : Microsoft.Extensions.Localization.IStringLocalizer<ImportText>
    {
        public Microsoft.Extensions.Localization.LocalizedString this[string name] => new(name, name);
        public Microsoft.Extensions.Localization.LocalizedString this[string name, params object[] arguments] => new(name, name);
        public IEnumerable<Microsoft.Extensions.Localization.LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    [Fact]
    public void A_workbook_that_unpacks_beyond_its_limit_is_refused_before_any_of_it_is_read()
    {
        using var file = ImportFiles.XlsxBomb(megabytes: 65);
        Assert.True(file.Length < 2 * 1024 * 1024, $"{file.Length} bytes");

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var (reader, rows) = ReadAll(file);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        var problem = Assert.Single(reader.Problems);
        Assert.Equal(("UnpackedTooLarge", "xl/sharedStrings.xml", 64L), (problem.Key, (string)problem.Arguments[0], (long)problem.Arguments[1]));
        Assert.Empty(rows);
        Assert.True(allocated < 8 * 1024 * 1024, $"{allocated:N0} bytes allocated reading a refused file");
    }

    [Fact]
    public void A_workbook_packed_a_thousand_to_one_of_thousands_of_parts_or_with_a_false_part_size_is_refused_before_it_is_read()
    {
        const string header = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Palvelu</t></is></c></row>";
        var tight = ReadAll(ImportFiles.XlsxBomb(megabytes: 10)).Reader.Problems;
        var parts = ReadAll(ImportFiles.HandMadeXlsx(header, extraEntries: 20_000)).Reader.Problems;
        var bomb = ImportFiles.XlsxBomb(megabytes: 10).ToArray();
        var lying = ReadAll(new MemoryStream(Yhdessa.Tests.Materials.ArchiveFiles.WithDeclaredSize(bomb, "xl/sharedStrings.xml", 4096))).Reader.Problems;

        Assert.Equal(("PackedTooTightly", "xl/sharedStrings.xml"), (Assert.Single(tight).Key, (string)tight[0].Arguments[0]));
        Assert.Equal(("TooManyParts", 10_000), (Assert.Single(parts).Key, (int)parts[0].Arguments[0]));
        Assert.Equal("NotXlsx", Assert.Single(lying).Key);
        Assert.Empty(ReadAll(ImportFiles.HandMadeXlsx(header, extraEntries: 100)).Reader.Problems);
    }

    [Fact]
    public void A_crafted_cell_or_column_is_read_no_further_than_a_spreadsheet_program_could_have_written_it()
    {
        // Two letters at random pack some eight to one, as text does: a file the archive guard lets through to the reader.
        var random = new Random(7);
        var huge = string.Create(20_000_000, random, (chars, r) => { for (var i = 0; i < chars.Length; i++) chars[i] = r.Next(2) == 0 ? 'x' : 'y'; });
        using var file = ImportFiles.HandMadeXlsx(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Palvelu</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Asukastunnus</t></is></c></row>" +
            $"<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>A1</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>{huge}</t></is></c>" +
            "<c r=\"ZZZZZ2\"><v>1</v></c></row>");

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var (reader, rows) = ReadAll(file);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Equal(["Palvelu", "Asukastunnus"], reader.Header);
        var row = Assert.Single(rows);
        Assert.Equal("A1", row.Cells[0]);
        Assert.Equal(XlsxSheetReader.MaxCellChars, row.Cells[1]!.Length);
        // The 20-million-character cell and a column millions of letters to the right would each take over 40 MB.
        Assert.True(allocated < 16 * 1024 * 1024, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void Shared_strings_with_a_phonetic_guide_keep_their_places()
    {
        using var file = ImportFiles.HandMadeXlsx(
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>" +
            "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" t=\"s\"><v>3</v></c></row>",
            part => part.Write(Encoding.UTF8.GetBytes(
                "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" +
                "<si><t>Palvelu</t><rPh sb=\"0\" eb=\"1\"><t>p</t></rPh></si><si><t>Asukas</t><t xml:space=\"preserve\">tunnus</t></si>" +
                "<si/><si><r><t>x-</t></r><r><t>1</t></r></si></sst>")));

        var (reader, rows) = ReadAll(file);

        Assert.Empty(reader.Problems);
        Assert.Equal(["Palvelu", "Asukastunnus"], reader.Header);
        Assert.Equal(new string?[] { "", "x-1" }, Assert.Single(rows).Cells);
    }
}
