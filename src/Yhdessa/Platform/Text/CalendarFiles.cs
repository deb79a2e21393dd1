using CultureInfo = System.Globalization.CultureInfo;
using Ical.Net;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Platform.Text;

/// <summary>iCalendar (RFC 5545) files as calendar programs read them.</summary>
public static class CalendarFiles
{
    /// <summary>The time zone every file's times are written in.</summary>
    public const string Zone = "Europe/Helsinki";

    /// <summary>A moment as Helsinki wall-clock time with its zone, as calendar programs show it.</summary>
    public static CalDateTime Local(DateTimeOffset moment) =>
        new(DateTime.SpecifyKind(HelsinkiTime.ToHelsinki(moment).DateTime, DateTimeKind.Unspecified), Zone);

    /// <summary>A whole day, without a time.</summary>
    public static CalDateTime Day(DateOnly day) => new(day.Year, day.Month, day.Day);

    /// <summary>
    /// Writes the calendar. Ical.Net writes numbers with the current culture, and Finnish, Swedish and the site's English
    /// write a negative number with the minus sign U+2212: "BYDAY=−1SU" in the time zone rules, which calendar programs
    /// cannot read. RFC 5545 numbers are ASCII, so the file is written under the invariant culture (texts are picked
    /// before, in the reader's language).
    /// </summary>
    public static string Write(Calendar calendar)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return new CalendarSerializer().SerializeToString(calendar)!;
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
