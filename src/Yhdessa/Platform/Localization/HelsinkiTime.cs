using System.Globalization;

namespace Yhdessa.Platform.Localization;

/// <summary>Times are stored in UTC and shown as they are on the clock in Finland.</summary>
public static class HelsinkiTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    public static DateTimeOffset ToHelsinki(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);

    /// <summary>e.g. 23.11.2026 klo 22.15 is written "23.11.2026 22.15", the Finnish way, in every language.</summary>
    public static string DateAndTime(DateTimeOffset moment) =>
        ToHelsinki(moment).ToString("d.M.yyyy H.mm", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset moment) =>
        ToHelsinki(moment).ToString("d.M.yyyy", CultureInfo.InvariantCulture);
}
