using Yhdessa.Features.Monitoring.Data;

namespace Yhdessa.Features.Monitoring.Rules;

/// <summary>A stay as a form or an import row gives it, before it is checked. Unparsed codes stay text so that an
/// unknown code can be reported as such.</summary>
public sealed record StayDraft(
    string? ServiceCode, string? ResidentCode, DateOnly? MoveIn, string? SituationBefore,
    DateOnly? End, string? Destination);

/// <summary>A checked stay, ready to be stored.</summary>
public sealed record CheckedStay(
    HousingService Service, string ResidentCode, DateOnly MoveIn, SituationBefore SituationBefore,
    DateOnly? End, Destination? Destination);

/// <summary>
/// The rules of one stay, shared by the web form and the import so that both refuse the same things with the same
/// messages. Field names in the errors are the <see cref="StayDraft"/> property names; the import maps them to its
/// columns. The rules needing other stays (<see cref="FindOverlap"/>) take them from the caller, which knows whether
/// it checks a file or one form.
/// </summary>
public static class StayRules
{
    /// <summary>Dates before this are typing errors (the programme's first stays began in the 2000s).</summary>
    public static readonly DateOnly Earliest = new(1980, 1, 1);

    /// <param name="services">The unit's services by their code (case-insensitive).</param>
    /// <param name="today">Today in Finland: a date after it has not happened yet.</param>
    public static CheckedStay? Check(StayDraft draft, IReadOnlyDictionary<string, HousingService> services, DateOnly today,
        ICollection<RuleError> errors)
    {
        var before = errors.Count;
        HousingService? service = null;
        TextRules.CheckServiceCode(nameof(StayDraft.ServiceCode), draft.ServiceCode?.Trim(), errors);
        if (errors.Count == before && !services.TryGetValue(draft.ServiceCode!.Trim(), out service))
            errors.Add(new RuleError(nameof(StayDraft.ServiceCode), RuleCodes.UnknownService));

        var residentCode = draft.ResidentCode?.Trim();
        TextRules.CheckResidentCode(nameof(StayDraft.ResidentCode), residentCode, errors);

        CheckDate(nameof(StayDraft.MoveIn), draft.MoveIn, required: true, today, errors);

        SituationBefore situation = default;
        if (string.IsNullOrWhiteSpace(draft.SituationBefore))
            errors.Add(new RuleError(nameof(StayDraft.SituationBefore), RuleCodes.Required));
        else if (!Codes.TryParse(draft.SituationBefore, out situation))
            errors.Add(new RuleError(nameof(StayDraft.SituationBefore), RuleCodes.UnknownCode));

        var endOk = CheckDate(nameof(StayDraft.End), draft.End, required: false, today, errors);
        if (endOk && draft is { End: { } end, MoveIn: { } moveIn } && end < moveIn)
            errors.Add(new RuleError(nameof(StayDraft.End), RuleCodes.EndBeforeMoveIn));

        Destination? destination = null;
        if (!string.IsNullOrWhiteSpace(draft.Destination))
        {
            if (!Codes.TryParse<Destination>(draft.Destination, out var parsed))
                errors.Add(new RuleError(nameof(StayDraft.Destination), RuleCodes.UnknownCode));
            else if (draft.End is null)
                errors.Add(new RuleError(nameof(StayDraft.Destination), RuleCodes.DestinationWithoutEnd));
            else destination = parsed;
        }
        else if (draft.End is not null)
            errors.Add(new RuleError(nameof(StayDraft.Destination), RuleCodes.DestinationRequired));

        return errors.Count == before
            ? new CheckedStay(service!, residentCode!, draft.MoveIn!.Value, situation, draft.End, destination)
            : null;
    }

    private static bool CheckDate(string field, DateOnly? date, bool required, DateOnly today, ICollection<RuleError> errors)
    {
        if (date is not { } d)
        {
            if (required) errors.Add(new RuleError(field, RuleCodes.Required));
            return !required;
        }
        if (d > today) { errors.Add(new RuleError(field, RuleCodes.FutureDate)); return false; }
        if (d < Earliest) { errors.Add(new RuleError(field, RuleCodes.TooEarly)); return false; }
        return true;
    }

    /// <summary>Whether two stays of one resident in one service overlap. A stay may begin on the day another
    /// ended (a move within the service); an ongoing stay runs on without end.</summary>
    public static bool Overlaps(DateOnly moveIn, DateOnly? end, DateOnly otherMoveIn, DateOnly? otherEnd) =>
        moveIn < (otherEnd ?? DateOnly.MaxValue) && otherMoveIn < (end ?? DateOnly.MaxValue)
        // Two stays beginning the same day overlap even when one ends that day.
        || moveIn == otherMoveIn;

    /// <summary>The first of the resident's other stays in the same service that the stay overlaps, or null.
    /// The caller leaves out the stay itself (when editing, or re-importing the same row).</summary>
    public static (DateOnly MoveIn, DateOnly? End)? FindOverlap(DateOnly moveIn, DateOnly? end,
        IEnumerable<(DateOnly MoveIn, DateOnly? End)> others)
    {
        foreach (var other in others)
            if (Overlaps(moveIn, end, other.MoveIn, other.End)) return other;
        return null;
    }
}
