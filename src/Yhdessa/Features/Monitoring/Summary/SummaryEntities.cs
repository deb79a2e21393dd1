using Yhdessa.Features.Monitoring.Data;

namespace Yhdessa.Features.Monitoring.Summary;

/// <summary>What a <see cref="SummaryCount"/> counts. Each is a count of one unit's stays in one service municipality,
/// service type and calendar month; the month is the move-in month for moves in and retention, the end month otherwise.</summary>
public enum SummaryMeasure
{
    /// <summary>Stays that moved in. Key 0.</summary>
    MovesIn,
    /// <summary>Stays that ended; the key is the <see cref="Destination"/>.</summary>
    Ended,
    /// <summary>Of the stays that moved in, those still housed (or moved on to permanent housing) after Key months.</summary>
    Kept,
    /// <summary>Stays that ended in a move to more independent housing. Key 0.</summary>
    IndependentExits,
    /// <summary>Of those exits, the ones whose resident the unit reported moving in again within Key months.</summary>
    Returned,
}

/// <summary>
/// One number of the dashboard summary: derived from the unit's stays by <see cref="SummaryBuilder"/>, never edited
/// otherwise. A month grain, so that the follow-up bases ("moved in at least N months ago") can be cut at whole months.
/// </summary>
public class SummaryCount
{
    public int UnitId { get; set; }
    /// <summary>The municipality of the service, where dashboards place a stay.</summary>
    public string MunicipalityCode { get; set; } = "";
    public ServiceType ServiceType { get; set; }
    public int Year { get; set; }
    /// <summary>1–12.</summary>
    public int Month { get; set; }
    public SummaryMeasure Measure { get; set; }
    public int Key { get; set; }
    public int Count { get; set; }
}

/// <summary>
/// The lengths in days of the stays of one unit, service municipality and type that ended in a year, as an exact
/// distribution in one text value ("days:count days:count …", ascending). One row instead of one per distinct length
/// (which would be nearly as many rows as stays) keeps a national median a read of a few hundred rows, and exact.
/// </summary>
public class SummaryLengths
{
    public int UnitId { get; set; }
    public string MunicipalityCode { get; set; } = "";
    public ServiceType ServiceType { get; set; }
    public int Year { get; set; }
    public string Distribution { get; set; } = "";
}

/// <summary>What a unit's summary was built from: its stays' count and latest change. A unit whose stays no longer
/// match (a stay added, changed or deleted since) is rebuilt by <see cref="SummaryFreshness"/>.</summary>
public class SummaryStamp
{
    public int UnitId { get; set; }
    public int StayCount { get; set; }
    public DateTimeOffset? LastChange { get; set; }
    public DateTimeOffset BuiltAt { get; set; }
}
