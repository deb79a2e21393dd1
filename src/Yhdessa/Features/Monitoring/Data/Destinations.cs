namespace Yhdessa.Features.Monitoring.Data;

/// <summary>The HUD HMIS (FY2024) destination category a destination falls in.</summary>
public enum HudGroup { Permanent, Temporary, Institutional, Homeless, Other }

/// <summary>Where an ended stay led compared with the service left, for the programme's "more independent vs more
/// supported" share. Moves that are not to housing (institutions, homelessness, death, unknown) have none.</summary>
public enum HousingDirection { MoreIndependent, MoreSupported, Similar, NotHousing }

/// <summary>How HUD's System Performance Measure 7b (exits to permanent housing) counts an exit.</summary>
public enum HudOutcome { Success, Neutral, Excluded }

/// <param name="HudCode">The closest HUD HMIS FY2024 destination code, for comparisons with HMIS data.</param>
public sealed record DestinationMapping(Destination Destination, HudGroup Group, HousingDirection Direction, int HudCode, HudOutcome Spm7b);

/// <summary>
/// The mapping of the programme's destinations to the HUD destination groups, from
/// <c>shared/data/hud_hmis_fy2024_destinations.csv</c> (US federal work, public domain); documented with its
/// reasoning in docs/monitoring.md. A fixed table rather than data: a change here changes every published figure.
/// </summary>
public static class Destinations
{
    public static readonly IReadOnlyList<DestinationMapping> All =
    [
        // Own rental flat without support: HUD 410 "Rental by client, no ongoing housing subsidy".
        new(Destination.MoreIndependentHousing, HudGroup.Permanent, HousingDirection.MoreIndependent, 410, HudOutcome.Success),
        // Intensive service housing and the like are permanent tenancies with more support: HUD 435 (with subsidy).
        new(Destination.MoreSupportedHousing, HudGroup.Permanent, HousingDirection.MoreSupported, 435, HudOutcome.Success),
        new(Destination.SimilarHousingElsewhere, HudGroup.Permanent, HousingDirection.Similar, 435, HudOutcome.Success),
        // Rough sleeping or a shelter: HUD 116 "Place not meant for habitation" / 101 "Emergency shelter".
        new(Destination.Homelessness, HudGroup.Homeless, HousingDirection.NotHousing, 116, HudOutcome.Neutral),
        // HUD 206 "Hospital or other residential non-psychiatric medical facility" is excluded from SPM 7.
        new(Destination.InstitutionHospital, HudGroup.Institutional, HousingDirection.NotHousing, 206, HudOutcome.Excluded),
        new(Destination.InstitutionPrison, HudGroup.Institutional, HousingDirection.NotHousing, 207, HudOutcome.Neutral),
        new(Destination.InstitutionSubstanceAbuse, HudGroup.Institutional, HousingDirection.NotHousing, 205, HudOutcome.Neutral),
        // HUD 24 "Deceased" is excluded from SPM 7.
        new(Destination.Died, HudGroup.Other, HousingDirection.NotHousing, 24, HudOutcome.Excluded),
        // HUD 8/9/30/99: not known, not collected.
        new(Destination.Unknown, HudGroup.Other, HousingDirection.NotHousing, 99, HudOutcome.Neutral),
    ];

    private static readonly Dictionary<Destination, DestinationMapping> ByDestination = All.ToDictionary(m => m.Destination);

    public static DestinationMapping Of(Destination destination) => ByDestination[destination];

    public static HudGroup GroupOf(Destination destination) => ByDestination[destination].Group;

    public static HousingDirection DirectionOf(Destination destination) => ByDestination[destination].Direction;

    /// <summary>A move to independent housing, after which a later stay of the same resident in the same unit
    /// counts as a return to homelessness services (the HUD SPM 2 idea, within one unit).</summary>
    public static bool IsExitToIndependentHousing(Destination destination) => destination == Destination.MoreIndependentHousing;
}
