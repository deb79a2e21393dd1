using System.Globalization;

namespace Yhdessa.Features.Monitoring.Import;

/// <summary>How values are written in import files.</summary>
public static class ImportValues
{
    /// <summary>ISO dates (what our XLSX reader makes of date cells, and what systems export) and Finnish dates
    /// (what people type). Slashed dates are refused: 3/4/2026 is March in one country and April in another.</summary>
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d.M.yyyy", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss"];

    public static DateOnly? Date(string text) =>
        DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? DateOnly.FromDateTime(parsed) : null;

    public static int? Count(string text, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= max ? count : null;
}
