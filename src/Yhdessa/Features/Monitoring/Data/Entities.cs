namespace Yhdessa.Features.Monitoring.Data;

public enum UnitKind { Municipality, ServiceProvider }

/// <summary>Who reports: a municipality or a service provider. Its region (maakunta) is derived from the
/// municipality through the municipality list, never stored, so a regional merger needs no data migration.</summary>
public class ReportingUnit
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public UnitKind Kind { get; set; }
    /// <summary>Statistics Finland's three-digit municipality code (kunta), checked against the shipped list.</summary>
    public string MunicipalityCode { get; set; } = "";
    /// <summary>The organisation in the network directory, when the unit is one.</summary>
    public int? OrganisationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A reporter account (role Reporter) that reports for a unit and may see that unit's micro-data.</summary>
public class ReportingUnitReporter
{
    public int UnitId { get; set; }
    public string UserId { get; set; } = "";
    public DateTimeOffset Since { get; set; }
}

public enum ServiceType { ScatteredWithSupport, HousingFirstCongregate, SupportedHousing, IntensiveServiceHousing, Other }

public class HousingService
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    /// <summary>The unit's own short code for the service, used in its import files; unique within the unit.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string MunicipalityCode { get; set; } = "";
    public ServiceType Type { get; set; }
    public int Places { get; set; }
}

public enum SituationBefore { LongTermHomeless, Homeless, Institution, TemporaryWithRelativesOrFriends, Other }

/// <summary>Where a resident went when a stay ended. Each maps to a HUD destination group: see <see cref="Destinations"/>.</summary>
public enum Destination
{
    MoreIndependentHousing, MoreSupportedHousing, SimilarHousingElsewhere, Homelessness,
    InstitutionHospital, InstitutionPrison, InstitutionSubstanceAbuse, Died, Unknown,
}

/// <summary>
/// One resident's stay in one housing service. The resident is known only by the unit's own pseudonymous code.
/// The invariants (end not before move-in; a destination exactly when the stay has ended) hold for every
/// instance: the dates and destination change only through the constructor, <see cref="EndStay"/>,
/// <see cref="Reopen"/> and <see cref="Correct"/>, and the database has the same rules as check constraints.
/// Rules that need other rows or the clock (overlaps, future dates, known services) are in <c>Rules/StayRules</c>.
/// </summary>
public class Stay
{
    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public int ServiceId { get; private set; }
    public string ResidentCode { get; private set; } = "";
    public DateOnly MoveIn { get; private set; }
    public SituationBefore SituationBefore { get; set; }
    public DateOnly? End { get; private set; }
    public Destination? Destination { get; private set; }
    /// <summary>The collection round in which the stay was last reported or changed.</summary>
    public int? RoundId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    private Stay() { }

    public Stay(int unitId, int serviceId, string residentCode, DateOnly moveIn, SituationBefore situationBefore,
        DateOnly? end = null, Destination? destination = null, int? roundId = null)
    {
        UnitId = unitId;
        ServiceId = serviceId;
        ResidentCode = residentCode;
        MoveIn = moveIn;
        SituationBefore = situationBefore;
        RoundId = roundId;
        SetEnd(end, destination);
    }

    public void EndStay(DateOnly end, Destination destination) => SetEnd(end, destination);

    /// <summary>Takes back an end reported by mistake: the stay is ongoing again.</summary>
    public void Reopen() => SetEnd(null, null);

    /// <summary>Corrects the identifying fields of a stay reported wrongly. Checked like a new stay.</summary>
    public void Correct(int serviceId, string residentCode, DateOnly moveIn, SituationBefore situationBefore,
        DateOnly? end, Destination? destination)
    {
        if (end is { } e && e < moveIn) throw new ArgumentException("A stay cannot end before the move-in.", nameof(end));
        ServiceId = serviceId;
        ResidentCode = residentCode;
        MoveIn = moveIn;
        SituationBefore = situationBefore;
        SetEnd(end, destination);
    }

    private void SetEnd(DateOnly? end, Destination? destination)
    {
        if (end is { } e && e < MoveIn) throw new ArgumentException("A stay cannot end before the move-in.", nameof(end));
        if (end.HasValue != destination.HasValue)
            throw new ArgumentException("An ended stay needs a destination, and an ongoing stay has none.", nameof(destination));
        End = end;
        Destination = destination;
    }
}

/// <summary>
/// A collection round: one reporting period, a deadline, the units asked to report. A closed round's data is
/// locked; reopening it is audited.
/// </summary>
public class CollectionRound
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The period code: a year "2026" or a half-year "2026H1"/"2026H2" (see <c>Rules/ReportingPeriod</c>).</summary>
    public string Period { get; set; } = "";
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public DateOnly Deadline { get; set; }
    public bool Closed { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum RoundStatus { NotStarted, InProgress, Submitted, Accepted, Returned, Resubmitted }

public enum ReportingMethod { Stays, Aggregate }

/// <summary>One unit's part in a round: its status, how it reports, and the latest comment.</summary>
public class RoundUnit
{
    public int RoundId { get; set; }
    public int UnitId { get; set; }
    public RoundStatus Status { get; set; }
    public ReportingMethod Method { get; set; }
    public string? LastComment { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>When the deadline reminder went out, so that each unit gets it once per round.</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }
}

/// <summary>The history of a unit's status in a round: who moved it, when, where to, and why. A row with
/// <see cref="SettledRoundId"/> is a note instead: stays that count in the unit's settled report of that round were
/// ended, or their end changed, in this round after that report's period; it shows in both reports' histories.</summary>
public class RoundUnitEvent
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int UnitId { get; set; }
    public string? ActorId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The status moved to; for a note, the status the report had.</summary>
    public RoundStatus Status { get; set; }
    public string? Comment { get; set; }
    /// <summary>For a note: the round whose settled report holds the stays (its figures did not change).</summary>
    public int? SettledRoundId { get; set; }
    /// <summary>For a note: how many stays (one from the stay form, any number from an import).</summary>
    public int? StayCount { get; set; }
}

/// <summary>What an aggregate value counts, in a round's period.</summary>
public enum Measure
{
    /// <summary>Moves in during the period; Category is the <see cref="SituationBefore"/> code.</summary>
    MovesIn,
    /// <summary>Stays ended during the period; Category is the <see cref="Data.Destination"/> code.</summary>
    StaysEnded,
    /// <summary>Stays ongoing on the period's first day; Category is "".</summary>
    OngoingAtStart,
    /// <summary>Stays ongoing on the period's last day; Category is "".</summary>
    OngoingAtEnd,
}

/// <summary>A count reported by a unit that reports aggregates instead of stays (a DHIS2-style data value:
/// period = round, organisation unit = unit, data element = measure, category option = category).</summary>
public class AggregateValue
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int UnitId { get; set; }
    public ServiceType ServiceType { get; set; }
    public Measure Measure { get; set; }
    /// <summary>The enum code of the category (situation before or destination), or "" when the measure has none.</summary>
    public string Category { get; set; } = "";
    public int Count { get; set; }
}

/// <summary>The annual survey of a municipality: housing added to the programme in the year by type and the
/// work forms in use. One per municipality and year.</summary>
public class AnnualSurvey
{
    public int Id { get; set; }
    public string MunicipalityCode { get; set; } = "";
    /// <summary>The reporting unit that answered, if a unit did (a coordinator may answer for a municipality).</summary>
    public int? UnitId { get; set; }
    public int Year { get; set; }
    public int AddedScatteredWithSupport { get; set; }
    public int AddedHousingFirstCongregate { get; set; }
    public int AddedSupportedHousing { get; set; }
    public int AddedIntensiveServiceHousing { get; set; }
    public int AddedOther { get; set; }
    /// <summary>Codes from <see cref="WorkForms.All"/>.</summary>
    public List<string> WorkForms { get; set; } = [];
    public string Comments { get; set; } = "";
    /// <summary>Why the figures changed much from the year before (asked when they did).</summary>
    public string ChangeExplanation { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }

    public int AddedTotal => AddedScatteredWithSupport + AddedHousingFirstCongregate + AddedSupportedHousing
        + AddedIntensiveServiceHousing + AddedOther;

    public int Added(ServiceType type) => type switch
    {
        ServiceType.ScatteredWithSupport => AddedScatteredWithSupport,
        ServiceType.HousingFirstCongregate => AddedHousingFirstCongregate,
        ServiceType.SupportedHousing => AddedSupportedHousing,
        ServiceType.IntensiveServiceHousing => AddedIntensiveServiceHousing,
        _ => AddedOther,
    };
}

/// <summary>The work forms the annual survey asks about. Stored as these codes, so adding one needs no migration.</summary>
public static class WorkForms
{
    public const string HousingCounselling = "HousingCounselling";
    public const string HousingFirstTeams = "HousingFirstTeams";
    public const string Outreach = "Outreach";
    public const string PeerSupport = "PeerSupport";
    public const string ExpertsByExperience = "ExpertsByExperience";
    public const string DebtAndMoneyAdvice = "DebtAndMoneyAdvice";
    public const string EvictionPrevention = "EvictionPrevention";
    public const string YouthHousingSupport = "YouthHousingSupport";

    public static readonly IReadOnlyList<string> All =
    [
        HousingCounselling, HousingFirstTeams, Outreach, PeerSupport, ExpertsByExperience,
        DebtAndMoneyAdvice, EvictionPrevention, YouthHousingSupport,
    ];
}
