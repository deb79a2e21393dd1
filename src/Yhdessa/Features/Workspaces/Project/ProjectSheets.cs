using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Workspaces.Project;

/// <summary>
/// The project's workbooks: the goal tree with its indicators and values, and the funder's financial report (budget
/// against actual costs per sub-project and category, the costs by month, every cost). Numbers are numbers in the
/// workbook, with euro formats, so that the funder's own sums work; texts typed by people are made harmless as formulas.
/// </summary>
public sealed class ProjectSheets(IStringLocalizer<WorkspacesText> text)
{
    private const string EuroFormat = "#,##0.00 \"€\"";

    public byte[] GoalTree(Workspace workspace, IReadOnlyList<GoalNode> tree)
    {
        using var workbook = new XLWorkbook();
        var sheet = Sheet(workbook, text["GoalTree"]);
        string[] header = [text["GoalLevel"], text["Goal"], text["SubProject"], text["GoalStatus"], text["Indicator"], text["IndicatorUnit"],
            text["Baseline"], text["Target"], text["LatestPeriod"], text["LatestValue"]];
        Header(sheet, header);
        var row = 2;
        foreach (var node in tree.SelectMany(n => n.SelfAndBelow()))
        {
            var indicators = node.Indicators.Count > 0 ? node.Indicators.Cast<IndicatorRow?>() : [null];
            foreach (var indicator in indicators)
            {
                sheet.Cell(row, 1).Value = node.Level;
                Text(sheet.Cell(row, 2), new string(' ', (node.Level - 1) * 4) + node.Goal.Title);
                Text(sheet.Cell(row, 3), node.SubProjectName ?? "");
                Text(sheet.Cell(row, 4), text["GoalStatus_" + node.Goal.Status]);
                if (indicator is not null)
                {
                    Text(sheet.Cell(row, 5), indicator.Indicator.Name);
                    Text(sheet.Cell(row, 6), indicator.Indicator.Unit);
                    if (indicator.Indicator.Baseline is { } b) sheet.Cell(row, 7).Value = b;
                    if (indicator.Indicator.Target is { } t) sheet.Cell(row, 8).Value = t;
                    if (indicator.Latest is { } latest)
                    {
                        Text(sheet.Cell(row, 9), latest.Period);
                        sheet.Cell(row, 10).Value = latest.Value;
                    }
                }
                row++;
            }
        }
        Widths(sheet, 8, 48, 28, 16, 32, 12, 12, 12, 14, 12);
        var values = Sheet(workbook, text["MeasuredValues"]);
        Header(values, [text["Goal"], text["Indicator"], text["Period"], text["PeriodEndsOn"], text["Value"], text["ValueSource"]]);
        row = 2;
        foreach (var node in tree.SelectMany(n => n.SelfAndBelow()))
            foreach (var indicator in node.Indicators)
                foreach (var value in indicator.Values)
                {
                    Text(values.Cell(row, 1), node.Goal.Title);
                    Text(values.Cell(row, 2), indicator.Indicator.Name);
                    Text(values.Cell(row, 3), value.Period);
                    values.Cell(row, 4).Value = value.EndsOn.ToDateTime(TimeOnly.MinValue);
                    values.Cell(row, 4).Style.DateFormat.Format = "d.m.yyyy";
                    values.Cell(row, 5).Value = value.Value;
                    Text(values.Cell(row, 6), text[value.ReportId is null ? "ValueByHand" : "ValueByReport"]);
                    row++;
                }
        Widths(values, 40, 32, 14, 14, 12, 20);
        return Save(workbook);
    }

    public byte[] FunderReport(Workspace workspace, FinanceSummary summary, IReadOnlyList<(SubProjectRow SubProject, List<WorkspaceCost> Costs)> costs)
    {
        using var workbook = new XLWorkbook();
        var categories = Enum.GetValues<CostCategory>();
        var sheet = Sheet(workbook, text["FinanceSummary"]);
        Text(sheet.Cell(1, 1), $"{workspace.Name} – {text["FinanceReportTitle", summary.Year]}");
        sheet.Cell(1, 1).Style.Font.Bold = true;
        Header(sheet, [text["SubProject"], text["Organisation"], text["CostCategory"], text["Budget"], text["Actual"], text["Remaining"], text["UsedPercent"]], 3);
        var row = 4;
        void Line(string subProject, string organisation, MoneyLine line)
        {
            Text(sheet.Cell(row, 1), subProject);
            Text(sheet.Cell(row, 2), organisation);
            Text(sheet.Cell(row, 3), line.Category is { } c ? text["Cost_" + c] : text["Total"]);
            Euros(sheet.Cell(row, 4), line.Budget);
            Euros(sheet.Cell(row, 5), line.Actual);
            Euros(sheet.Cell(row, 6), line.Remaining);
            if (line.Used is { } used) sheet.Cell(row, 7).Value = used / 100;
            sheet.Cell(row, 7).Style.NumberFormat.Format = "0 %";
            if (line.Category is null) sheet.Row(row).Style.Font.Bold = true;
            row++;
        }
        foreach (var s in summary.SubProjects)
        {
            foreach (var line in s.Lines) Line(s.SubProject.Name, s.SubProject.OrganisationName, line);
            Line(s.SubProject.Name, s.SubProject.OrganisationName, s.Total);
        }
        foreach (var line in summary.Lines) Line(text["WholeProject"], "", line);
        Line(text["WholeProject"], "", summary.Total);
        Widths(sheet, 32, 32, 20, 16, 16, 16, 10);

        var monthly = Sheet(workbook, text["CostsByMonth"]);
        Header(monthly, [text["SubProject"], text["CostMonth"], .. categories.Select(c => (string)text["Cost_" + c]), text["Total"]]);
        row = 2;
        foreach (var (subProject, list) in costs)
            foreach (var month in list.Where(c => c.Month.Year == summary.Year).GroupBy(c => c.Month).OrderBy(g => g.Key))
            {
                Text(monthly.Cell(row, 1), subProject.Name);
                Text(monthly.Cell(row, 2), $"{month.Key.Month}/{month.Key.Year}");
                for (var i = 0; i < categories.Length; i++) Euros(monthly.Cell(row, 3 + i), month.Where(c => c.Category == categories[i]).Sum(c => c.Amount));
                Euros(monthly.Cell(row, 3 + categories.Length), month.Sum(c => c.Amount));
                row++;
            }
        Widths(monthly, 32, 12, 16, 16, 16, 16, 16);

        var all = Sheet(workbook, text["AllCosts"]);
        Header(all, [text["SubProject"], text["CostMonth"], text["CostCategory"], text["CostAmount"], text["CostDescription"]]);
        row = 2;
        foreach (var (subProject, list) in costs)
            foreach (var cost in list.Where(c => c.Month.Year == summary.Year).OrderBy(c => c.Month).ThenBy(c => c.Id))
            {
                Text(all.Cell(row, 1), subProject.Name);
                Text(all.Cell(row, 2), $"{cost.Month.Month}/{cost.Month.Year}");
                Text(all.Cell(row, 3), text["Cost_" + cost.Category]);
                Euros(all.Cell(row, 4), cost.Amount);
                Text(all.Cell(row, 5), cost.Description ?? "");
                row++;
            }
        Widths(all, 32, 12, 20, 16, 48);
        return Save(workbook);
    }

    private static IXLWorksheet Sheet(XLWorkbook workbook, string name) =>
        workbook.Worksheets.Add(new string(name.Where(c => !":\\/?*[]".Contains(c)).Take(31).ToArray()));

    private static void Header(IXLWorksheet sheet, IReadOnlyList<string> header, int row = 1)
    {
        for (var c = 0; c < header.Count; c++) Text(sheet.Cell(row, c + 1), header[c]);
        sheet.Row(row).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(row);
    }

    private static void Text(IXLCell cell, string value)
    {
        cell.DataType = XLDataType.Text;
        cell.SetValue(SafeSpreadsheet.Neutralise(value));
    }

    private static void Euros(IXLCell cell, decimal amount)
    {
        cell.Value = amount;
        cell.Style.NumberFormat.Format = EuroFormat;
    }

    private static void Widths(IXLWorksheet sheet, params double[] widths)
    {
        for (var c = 0; c < widths.Length; c++) sheet.Column(c + 1).Width = widths[c];
    }

    private static byte[] Save(XLWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
