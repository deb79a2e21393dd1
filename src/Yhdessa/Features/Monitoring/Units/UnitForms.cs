using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Rules;
using Yhdessa.Features.Network.Organisations;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Places;

namespace Yhdessa.Features.Monitoring.Units;

/// <summary>A unit's form as sent. Every value arrives as text and is checked by <see cref="UnitForms"/>, so that
/// each mistake gets a message in the reader's language rather than the framework's English binding error.</summary>
public sealed class UnitInput
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? MunicipalityCode { get; set; }
    public string? OrganisationId { get; set; }

    public static UnitInput Of(ReportingUnit unit) => new()
    {
        Name = unit.Name, Kind = unit.Kind.ToString(), MunicipalityCode = unit.MunicipalityCode,
        OrganisationId = unit.OrganisationId?.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>A housing service's form as sent, checked by <see cref="UnitForms"/>.</summary>
public sealed class ServiceInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? MunicipalityCode { get; set; }
    public string? Places { get; set; }

    public static ServiceInput Of(HousingService service) => new()
    {
        Code = service.Code, Name = service.Name, Type = service.Type.ToString(), MunicipalityCode = service.MunicipalityCode,
        Places = service.Places.ToString(CultureInfo.InvariantCulture),
    };
}

public sealed record CheckedUnit(string Name, UnitKind Kind, string MunicipalityCode, int? OrganisationId);

public sealed record CheckedService(string Code, string Name, ServiceType Type, string MunicipalityCode, int Places);

/// <summary>
/// The checks of the unit and service forms, one set for adding and for editing: every text through
/// <see cref="TextRules"/> (so no identifier gets in), codes from their lists, municipalities from Statistics
/// Finland's list. A broken rule is a <see cref="RuleError"/> on the input's property; the value is null then.
/// The uniqueness checks (a unit's name, a service's code within its unit) leave out the row being edited.
/// </summary>
public static class UnitForms
{
    public static async Task<CheckedUnit?> CheckAsync(UnitInput input, int? editedId, YhdessaDb db, Municipalities municipalities,
        OrganisationDirectory organisations, List<RuleError> errors, CancellationToken cancellationToken)
    {
        var name = TextRules.Clean(input.Name);
        if (name.Length == 0) errors.Add(new RuleError(nameof(UnitInput.Name), RuleCodes.Required));
        else TextRules.Check(nameof(UnitInput.Name), name, MonitoringLimits.Name, errors);
        if (!Codes.TryParse<UnitKind>(input.Kind, out var kind))
            errors.Add(new RuleError(nameof(UnitInput.Kind), string.IsNullOrWhiteSpace(input.Kind) ? RuleCodes.Required : RuleCodes.UnknownCode));
        var municipality = Municipality(nameof(UnitInput.MunicipalityCode), input.MunicipalityCode, municipalities, errors);
        int? organisationId = null;
        if (!string.IsNullOrWhiteSpace(input.OrganisationId))
        {
            if (int.TryParse(input.OrganisationId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && await organisations.ExistsAsync(id, cancellationToken))
                organisationId = id;
            else errors.Add(new RuleError(nameof(UnitInput.OrganisationId), RuleCodes.UnknownCode));
        }
        if (errors.Count > 0) return null;
        if (await db.ReportingUnits.AnyAsync(u => u.Name == name && u.Id != (editedId ?? 0), cancellationToken))
        {
            errors.Add(new RuleError(nameof(UnitInput.Name), UnitExists));
            return null;
        }
        return new CheckedUnit(name, kind, municipality!.Code, organisationId);
    }

    public static async Task<CheckedService?> CheckAsync(ServiceInput input, int unitId, int? editedId, YhdessaDb db,
        Municipalities municipalities, List<RuleError> errors, CancellationToken cancellationToken)
    {
        var code = TextRules.Clean(input.Code);
        TextRules.CheckServiceCode(nameof(ServiceInput.Code), code, errors);
        var name = TextRules.Clean(input.Name);
        if (name.Length == 0) errors.Add(new RuleError(nameof(ServiceInput.Name), RuleCodes.Required));
        else TextRules.Check(nameof(ServiceInput.Name), name, MonitoringLimits.Name, errors);
        if (!Codes.TryParse<ServiceType>(input.Type, out var type))
            errors.Add(new RuleError(nameof(ServiceInput.Type), string.IsNullOrWhiteSpace(input.Type) ? RuleCodes.Required : RuleCodes.UnknownCode));
        var municipality = Municipality(nameof(ServiceInput.MunicipalityCode), input.MunicipalityCode, municipalities, errors);
        if (!int.TryParse(input.Places?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var places)
            || places > MonitoringLimits.MaxCount)
            errors.Add(new RuleError(nameof(ServiceInput.Places), RuleCodes.CountRange, MonitoringLimits.MaxCount));
        if (errors.Count > 0) return null;
        // Codes are looked up case-insensitively by the stay rules and the import, so "hf1" beside "HF1" would be ambiguous.
        var upper = code.ToUpperInvariant();
        if (await db.HousingServices.AnyAsync(s => s.UnitId == unitId && s.Code.ToUpper() == upper && s.Id != (editedId ?? 0), cancellationToken))
        {
            errors.Add(new RuleError(nameof(ServiceInput.Code), ServiceCodeTaken));
            return null;
        }
        return new CheckedService(code, name, type, municipality!.Code, places);
    }

    /// <summary>The message keys of the two uniqueness rules (MonitoringText).</summary>
    public const string UnitExists = "UnitExists";
    public const string ServiceCodeTaken = "ServiceCodeTaken";

    private static Municipality? Municipality(string field, string? code, Municipalities municipalities, List<RuleError> errors)
    {
        var municipality = municipalities.Find(code);
        if (municipality is null)
            errors.Add(new RuleError(field, string.IsNullOrWhiteSpace(code) ? RuleCodes.Required : RuleCodes.UnknownMunicipality));
        return municipality;
    }
}
