using System.Globalization;

namespace Yhdessa.Platform.Localization;

/// <summary>
/// Times are stored in UTC and shown as they are on the clock in Finland, written as people write them in the page's
/// language (<see cref="Languages.Current"/>, or the reader's language in mail): 6.12.2026 and 14.30 in Finnish and
/// Swedish, 6 Dec 2026 and 14:30 in English.
/// </summary>
public static class HelsinkiTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    public static DateTimeOffset ToHelsinki(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);

    private static bool English => Languages.Current == Languages.English;
    private static CultureInfo Culture => Languages.FormattingCulture(Languages.Current);

    /// <summary>The pattern of a day: "d.M.yyyy", or "d MMM yyyy" in English; with <paramref name="weekday"/> its short name first.</summary>
    public static string DayPattern(bool weekday = false) => (weekday ? "ddd " : "") + (English ? "d MMM yyyy" : "d.M.yyyy");

    public static string TimePattern => English ? "HH':'mm" : "H'.'mm";

    public static string Day(DateOnly day, bool weekday = false) => day.ToString(DayPattern(weekday), Culture);

    public static string Date(DateTimeOffset moment, bool weekday = false) => ToHelsinki(moment).ToString(DayPattern(weekday), Culture);

    public static string Time(DateTimeOffset moment) => ToHelsinki(moment).ToString(TimePattern, Culture);

    public static string DateAndTime(DateTimeOffset moment) => $"{Date(moment)} {Time(moment)}";

    /// <summary>The first moment of a year in Helsinki, for "answered in 2026" and the like.</summary>
    public static DateTimeOffset StartOfYear(int year) => StartOfDay(new DateOnly(year, 1, 1));

    /// <summary>The first moment of a day in Helsinki.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
