using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Rules;

namespace Yhdessa.Tests.Monitoring;

/// <summary>The rules of stays, periods, statuses and the annual survey, without the web app.</summary>
public class RuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static readonly Dictionary<string, HousingService> Services = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HF1"] = new HousingService { Id = 7, UnitId = 1, Code = "HF1", Name = "Asunto ensin", Type = ServiceType.HousingFirstCongregate },
    };

    private static (CheckedStay? Stay, List<RuleError> Errors) Check(StayDraft draft)
    {
        var errors = new List<RuleError>();
        return (StayRules.Check(draft, Services, Today, errors), errors);
    }

    private static StayDraft Good => new("HF1", "A-17", new DateOnly(2025, 3, 1), "LongTermHomeless", null, null);

    [Fact]
    public void A_good_stay_passes_and_is_read_into_codes()
    {
        var (stay, errors) = Check(Good with
        {
            ServiceCode = "hf1",
            SituationBefore = "longtermhomeless",
            End = new DateOnly(2026, 1, 31),
            Destination = "MoreIndependentHousing"
        });

        Assert.Empty(errors);
        Assert.Equal(7, stay!.Service.Id);
        Assert.Equal(SituationBefore.LongTermHomeless, stay.SituationBefore);
        Assert.Equal(Destination.MoreIndependentHousing, stay.Destination);
    }

    [Theory]
    [InlineData("End", RuleCodes.EndBeforeMoveIn)]
    public void An_end_before_the_move_in_is_refused(string field, string code)
    {
        var (stay, errors) = Check(Good with { End = new DateOnly(2025, 2, 28), Destination = "Died" });

        Assert.Null(stay);
        Assert.Equal(new RuleError(field, code), Assert.Single(errors));
    }

    [Fact]
    public void Future_dates_are_refused_and_today_is_accepted()
    {
        var (_, errors) = Check(Good with { MoveIn = Today.AddDays(1) });
        Assert.Equal(RuleCodes.FutureDate, Assert.Single(errors).Code);

        (_, errors) = Check(Good with { MoveIn = Today, End = Today.AddDays(3), Destination = "Unknown" });
        Assert.Equal(new RuleError("End", RuleCodes.FutureDate), Assert.Single(errors));

        Assert.Empty(Check(Good with { MoveIn = Today, End = Today, Destination = "Unknown" }).Errors);
    }

    [Fact]
    public void Destination_is_required_exactly_when_the_stay_has_ended()
    {
        Assert.Equal(new RuleError("Destination", RuleCodes.DestinationRequired),
            Assert.Single(Check(Good with { End = new DateOnly(2025, 6, 1) }).Errors));
        Assert.Equal(new RuleError("Destination", RuleCodes.DestinationWithoutEnd),
            Assert.Single(Check(Good with { Destination = "Died" }).Errors));
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("HF1 x")]
    public void Unknown_or_malformed_services_are_refused(string code) =>
        Assert.Equal("ServiceCode", Assert.Single(Check(Good with { ServiceCode = code }).Errors).Field);

    [Theory]
    [InlineData("3")]
    [InlineData("Homeles")]
    [InlineData("LongTermHomeless,Homeless")]
    public void Unknown_codes_and_numbers_are_refused(string situation) =>
        Assert.Equal(new RuleError("SituationBefore", RuleCodes.UnknownCode),
            Assert.Single(Check(Good with { SituationBefore = situation }).Errors));

    [Theory]
    [InlineData("131052-308T", RuleCodes.PersonalIdentityCode)]
    [InlineData("0401234567", RuleCodes.PhoneNumber)]
    [InlineData("matti@example.fi", RuleCodes.EmailAddress)]
    [InlineData("Matti Meikäläinen", RuleCodes.ResidentCodeFormat)]
    [InlineData("", RuleCodes.Required)]
    public void Resident_codes_are_pseudonyms_only(string code, string rule) =>
        Assert.Equal(new RuleError("ResidentCode", rule), Assert.Single(Check(Good with { ResidentCode = code }).Errors));

    [Fact]
    public void A_resident_code_longer_than_40_characters_is_refused() =>
        Assert.Equal(RuleCodes.TooLong, Assert.Single(Check(Good with { ResidentCode = new string('a', 41) }).Errors).Code);

    [Fact]
    public void Every_broken_rule_of_a_row_is_reported_at_once()
    {
        var errors = Check(new StayDraft("", "131052-308T", null, "Nope", Today.AddDays(1), null)).Errors;

        Assert.Equal(["ServiceCode", "ResidentCode", "MoveIn", "SituationBefore", "End", "Destination"],
            errors.Select(e => e.Field));
    }

    [Theory]
    // An earlier stay that ended the day the new one began: a move, no overlap.
    [InlineData("2025-01-01", "2025-03-01", "2025-03-01", null, false)]
    [InlineData("2025-01-01", "2025-03-02", "2025-03-01", null, true)]
    [InlineData("2025-01-01", null, "2026-01-01", null, true)]
    [InlineData("2025-01-01", "2025-01-01", "2025-01-01", "2025-01-01", true)]
    [InlineData("2025-05-01", "2025-06-01", "2025-01-01", "2025-04-30", false)]
    [InlineData("2025-05-01", null, "2025-01-01", "2025-05-02", true)]
    public void Overlapping_stays_of_one_resident_are_found(string moveIn, string? end, string otherMoveIn, string? otherEnd, bool overlaps)
    {
        static DateOnly? D(string? s) => s is null ? null : DateOnly.Parse(s);
        Assert.Equal(overlaps, StayRules.Overlaps(D(moveIn)!.Value, D(end), D(otherMoveIn)!.Value, D(otherEnd)));
        Assert.Equal(overlaps, StayRules.Overlaps(D(otherMoveIn)!.Value, D(otherEnd), D(moveIn)!.Value, D(end)));
    }

    [Fact]
    public void The_entity_keeps_its_invariants_whatever_the_caller()
    {
        Assert.Throws<ArgumentException>(() => new Stay(1, 1, "A", new DateOnly(2025, 2, 1), SituationBefore.Homeless,
            new DateOnly(2025, 1, 1), Destination.Died));
        Assert.Throws<ArgumentException>(() => new Stay(1, 1, "A", new DateOnly(2025, 2, 1), SituationBefore.Homeless,
            new DateOnly(2025, 3, 1)));
        var stay = new Stay(1, 1, "A", new DateOnly(2025, 2, 1), SituationBefore.Homeless);
        Assert.Throws<ArgumentException>(() => stay.EndStay(new DateOnly(2025, 1, 31), Destination.Died));
        stay.EndStay(new DateOnly(2025, 2, 1), Destination.Died);
        Assert.Equal(Destination.Died, stay.Destination);
        stay.Reopen();
        Assert.Null(stay.End);
        Assert.Null(stay.Destination);
    }

    [Theory]
    [InlineData("2026", "2026-01-01", "2026-12-31", "2026")]
    [InlineData("2026H1", "2026-01-01", "2026-06-30", "2026H1")]
    [InlineData(" 2026 h2 ", "2026-07-01", "2026-12-31", "2026H2")]
    public void Periods_are_years_and_half_years(string text, string start, string end, string code)
    {
        var period = ReportingPeriod.Parse(text)!;
        Assert.Equal((code, DateOnly.Parse(start), DateOnly.Parse(end)), (period.Code, period.Start, period.End));
    }

    [Theory]
    [InlineData("2026H3")]
    [InlineData("2026Q1")]
    [InlineData("26")]
    [InlineData("1999")]
    [InlineData("")]
    public void Other_periods_are_refused(string text) => Assert.Null(ReportingPeriod.Parse(text));

    [Fact]
    public void The_status_flow_separates_reporters_and_coordinators()
    {
        Assert.True(RoundFlow.CanReporterMove(RoundStatus.InProgress, RoundStatus.Submitted));
        Assert.True(RoundFlow.CanReporterMove(RoundStatus.Returned, RoundStatus.Resubmitted));
        Assert.False(RoundFlow.CanReporterMove(RoundStatus.Submitted, RoundStatus.Accepted));
        Assert.False(RoundFlow.CanReporterMove(RoundStatus.Accepted, RoundStatus.InProgress));
        Assert.True(RoundFlow.CanCoordinatorMove(RoundStatus.Submitted, RoundStatus.Returned));
        Assert.True(RoundFlow.CanCoordinatorMove(RoundStatus.Resubmitted, RoundStatus.Accepted));
        Assert.False(RoundFlow.CanCoordinatorMove(RoundStatus.NotStarted, RoundStatus.Accepted));
        Assert.Equal(RoundStatus.Resubmitted, RoundFlow.SubmitTarget(RoundStatus.Returned));
    }

    [Fact]
    public void Data_is_locked_when_submitted_accepted_or_the_round_closed()
    {
        var open = new CollectionRound();
        Assert.True(RoundFlow.IsEditable(open, new RoundUnit { Status = RoundStatus.Returned }));
        Assert.False(RoundFlow.IsEditable(open, new RoundUnit { Status = RoundStatus.Submitted }));
        Assert.False(RoundFlow.IsEditable(open, new RoundUnit { Status = RoundStatus.Accepted }));
        Assert.False(RoundFlow.IsEditable(new CollectionRound { Closed = true }, new RoundUnit { Status = RoundStatus.InProgress }));
    }

    [Theory]
    [InlineData(10, 14, false)]
    [InlineData(10, 16, true)]
    [InlineData(100, 121, true)]
    [InlineData(100, 120, false)]
    [InlineData(2, 3, false)]
    [InlineData(0, 21, true)]
    public void A_large_change_in_the_annual_survey_asks_for_an_explanation(int before, int now, bool large) =>
        Assert.Equal(large, SurveyRules.IsLargeChange(new AnnualSurvey { AddedScatteredWithSupport = before },
            new AnnualSurvey { AddedScatteredWithSupport = now }));

    [Fact]
    public void Every_destination_has_one_HUD_group_and_direction()
    {
        Assert.Equal(Enum.GetValues<Destination>().Order(), Destinations.All.Select(m => m.Destination).Order());
        Assert.Equal(HudGroup.Permanent, Destinations.GroupOf(Destination.MoreSupportedHousing));
        Assert.Equal(HudGroup.Homeless, Destinations.GroupOf(Destination.Homelessness));
        Assert.Equal(HudGroup.Institutional, Destinations.GroupOf(Destination.InstitutionPrison));
        Assert.Equal(HousingDirection.MoreIndependent, Destinations.DirectionOf(Destination.MoreIndependentHousing));
        Assert.Equal(HousingDirection.NotHousing, Destinations.DirectionOf(Destination.Died));
    }

    private static readonly SettledReport Settled2025 = new(1, "Seuranta 2025", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), Closed: false);
    private static readonly StayFacts Continuing = new(7, "A-17", new DateOnly(2025, 3, 1), SituationBefore.Homeless, null, null);

    public static TheoryData<string, StayFacts?, StayFacts?, string?> SettledChanges() => new()
    {
        // what happens, the stay before and after, the field refused (null: allowed)
        { "ended after the settled period", Continuing, Continuing with { End = new(2026, 1, 1), Destination = Destination.Died }, null },
        { "an end after it moved later", Continuing with { End = new(2026, 2, 1), Destination = Destination.Died },
            Continuing with { End = new(2026, 3, 1), Destination = Destination.Unknown }, null },
        { "an end after it taken back", Continuing with { End = new(2026, 2, 1), Destination = Destination.Died }, Continuing, null },
        { "a stay only after the period added", null, Continuing with { MoveIn = new(2026, 1, 1) }, null },
        { "a stay ended before the period deleted", Continuing with { MoveIn = new(2024, 1, 1), End = new(2024, 12, 31), Destination = Destination.Died }, null, null },
        { "ended on the period's last day", Continuing, Continuing with { End = new(2025, 12, 31), Destination = Destination.Died }, "End" },
        { "another destination within it", Continuing with { End = new(2025, 6, 1), Destination = Destination.Died },
            Continuing with { End = new(2025, 6, 1), Destination = Destination.Unknown }, "End" },
        { "an end moved out of it", Continuing with { End = new(2025, 6, 1), Destination = Destination.Died },
            Continuing with { End = new(2026, 1, 5), Destination = Destination.Died }, "End" },
        { "another move-in", Continuing, Continuing with { MoveIn = new(2025, 4, 1) }, "MoveIn" },
        { "another situation before", Continuing, Continuing with { SituationBefore = SituationBefore.Institution }, "MoveIn" },
        { "another service", Continuing, Continuing with { ServiceId = 8 }, "MoveIn" },
        { "a stay in the period added", null, Continuing, "MoveIn" },
        { "a stay running through the period added", null, Continuing with { MoveIn = new(2024, 6, 1) }, "MoveIn" },
        { "a stay of the period deleted", Continuing, null, "MoveIn" },
    };

    [Theory]
    [MemberData(nameof(SettledChanges))]
    public void A_change_that_would_alter_a_settled_reports_figures_is_refused(string what, StayFacts? before, StayFacts? after, string? field)
    {
        var changed = SettledReports.ChangedBy(before, after, [Settled2025]);
        Assert.True((changed is null) == (field is null), what);
        if (changed is null) return;
        var refusal = SettledReports.Refusal(changed, before, after);
        Assert.Equal((field, RuleCodes.InSettledReport, (object)"Seuranta 2025"), (refusal.Field, refusal.Code, refusal.Arguments.Single()));
    }

    [Fact]
    public void A_stay_held_by_a_settled_report_may_be_ended_only_after_its_period_and_a_closed_round_says_so()
    {
        var closed = Settled2025 with { Closed = true };
        Assert.Equal(closed, SettledReports.Holding(Continuing, [closed]));
        Assert.True(SettledReports.MayEndAfter(Continuing, closed));
        Assert.False(SettledReports.MayEndAfter(Continuing with { End = new(2025, 12, 31), Destination = Destination.Died }, closed));
        Assert.Null(SettledReports.Holding(Continuing with { MoveIn = new(2026, 1, 1) }, [closed]));
        Assert.Equal(RuleCodes.InClosedRound, SettledReports.Refusal(closed, null, Continuing).Code);
    }
}
