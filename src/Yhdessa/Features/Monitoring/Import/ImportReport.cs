using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Monitoring.Import;

/// <summary>One line of the error report in the reader's language: "Rivi 12, sarake Muuttopäivä" and what is wrong.</summary>
public sealed record ReportLine(string Where, string Problem);

/// <summary>
/// The error report: problems said in the reader's language, shown on the page and downloadable as CSV. The CSV is
/// made from a protected copy of the lines carried in the page's download form, so that the report needs no
/// server-side state (another instance may answer the download) and cannot be forged to say something else.
/// </summary>
public sealed class ImportReport(IStringLocalizer<ImportText> t, IStringLocalizer<MonitoringText> rules, IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("Yhdessa.Monitoring.ImportReport");

    public IReadOnlyList<ReportLine> Lines(IEnumerable<ImportProblem> problems)
    {
        var culture = Languages.FormattingCulture(Languages.Current);
        return [.. problems.Select(p => new ReportLine(Where(p, culture), Say(p, culture)))];
    }

    private string Where(ImportProblem problem, CultureInfo culture) => problem switch
    {
        { Row: 0 } => t["WhereFile"],
        { Column: null } => t["WhereRow", problem.Row.ToString(culture)],
        _ => t["WhereRowColumn", problem.Row.ToString(culture), problem.Column],
    };

    private string Say(ImportProblem problem, CultureInfo culture)
    {
        object[] arguments = [.. problem.Arguments.Select(argument => argument switch
        {
            ImportColumn column => column.Heading(Languages.Current),
            int number => number.ToString(culture),
            _ => argument,
        })];
        // The rules' messages are shared with the web forms and live in the monitoring texts.
        return problem.Key.StartsWith("Rule_", StringComparison.Ordinal) ? rules[problem.Key, arguments] : t[problem.Key, arguments];
    }

    public string Protect(IReadOnlyList<ReportLine> lines) => protector.Protect(JsonSerializer.Serialize(lines));

    public IReadOnlyList<ReportLine>? Unprotect(string? carried)
    {
        if (string.IsNullOrEmpty(carried)) return null;
        try { return JsonSerializer.Deserialize<List<ReportLine>>(protector.Unprotect(carried)); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
    }

    /// <summary>UTF-8 with BOM and semicolons, as the templates, so that Excel set to Finnish opens it as columns.</summary>
    public byte[] Csv(IReadOnlyList<ReportLine> lines)
    {
        var csv = new StringBuilder();
        foreach (var (where, problem) in lines.Select(l => (l.Where, l.Problem)).Prepend((t["ReportWhere"], t["ReportProblem"])))
            csv.Append(Cell(where)).Append(';').Append(Cell(problem)).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>A value starting with = + - @ gets an apostrophe, so that a spreadsheet shows it instead of running it
    /// (the report quotes codes from the uploaded file).</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
