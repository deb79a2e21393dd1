namespace Yhdessa.Features.Monitoring.Rules;

/// <summary>
/// One broken rule: which field (the input's property name, or the import's column) and the message key in
/// MonitoringText (e.g. <c>Rule_EndBeforeMoveIn</c>), so that a form and an import report the same rule in the
/// reader's language. <see cref="Arguments"/> fill the message's placeholders.
/// </summary>
public sealed record RuleError(string Field, string Code, params object[] Arguments);

/// <summary>The message keys of the rules. Each has a translation in MonitoringText.{fi,sv,en}.resx.</summary>
public static class RuleCodes
{
    public const string Required = "Rule_Required";
    public const string PersonalIdentityCode = "Rule_PersonalIdentityCode";
    public const string EmailAddress = "Rule_EmailAddress";
    public const string PhoneNumber = "Rule_PhoneNumber";
    public const string TooLong = "Rule_TooLong";
    public const string ResidentCodeFormat = "Rule_ResidentCodeFormat";
    public const string ServiceCodeFormat = "Rule_ServiceCodeFormat";
    public const string UnknownService = "Rule_UnknownService";
    public const string UnknownCode = "Rule_UnknownCode";
    public const string FutureDate = "Rule_FutureDate";
    public const string TooEarly = "Rule_TooEarly";
    public const string EndBeforeMoveIn = "Rule_EndBeforeMoveIn";
    public const string DestinationRequired = "Rule_DestinationRequired";
    public const string DestinationWithoutEnd = "Rule_DestinationWithoutEnd";
    public const string Overlap = "Rule_Overlap";
    public const string CountRange = "Rule_CountRange";
    public const string UnknownMunicipality = "Rule_UnknownMunicipality";
    public const string PeriodFormat = "Rule_PeriodFormat";
    public const string ExplanationRequired = "Rule_ExplanationRequired";
    public const string InvisibleCharacters = "Rule_InvisibleCharacters";
    public const string DateFormat = "Rule_DateFormat";
    public const string InSettledReport = "Rule_InSettledReport";
    public const string InClosedRound = "Rule_InClosedRound";

    public static string Of(IdentifierKind kind) => kind switch
    {
        IdentifierKind.PersonalIdentityCode => PersonalIdentityCode,
        IdentifierKind.EmailAddress => EmailAddress,
        _ => PhoneNumber,
    };
}
