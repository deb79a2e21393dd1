using CultureInfo = System.Globalization.CultureInfo;
using Ical.Net;
using Ical.Net.Serialization;

namespace Yhdessa.Platform.Text;

/// <summary>iCalendar (RFC 5545) files as calendar programs read them.</summary>
public static class CalendarFiles
{
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
