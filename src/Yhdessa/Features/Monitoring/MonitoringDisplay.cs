using Yhdessa.Platform.Localization;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Rules;

namespace Yhdessa.Features.Monitoring;

/// <summary>How monitoring codes, dates and rule messages are shown in the reader's language.</summary>
public static class MonitoringDisplay
{
    /// <summary>The name of a code, e.g. <c>ServiceType_SupportedHousing</c> in MonitoringText.</summary>
    public static string Name<T>(this IStringLocalizer<MonitoringText> text, T value) where T : struct, Enum =>
        text[$"{typeof(T).Name}_{value}"];

    public static string WorkForm(this IStringLocalizer<MonitoringText> text, string code) => text["WorkForm_" + code];

    public static string Message(this IStringLocalizer<MonitoringText> text, RuleError error) =>
        text[error.Code, error.Arguments];

    /// <summary>Puts broken rules on the form's fields: field "MoveIn" of the rules is "Input.MoveIn" on the page.</summary>
    public static void AddRuleErrors(this ModelStateDictionary state, IStringLocalizer<MonitoringText> text,
        IEnumerable<RuleError> errors, string prefix = "Input.")
    {
        foreach (var error in errors) state.AddModelError(prefix + error.Field, text.Message(error));
    }

    /// <summary>A date as a date field sends it (2026-03-01) or as a person types it where the browser has no date
    /// picker (1.3.2026); null for anything else.</summary>
    public static DateOnly? ParseDate(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        return DateOnly.TryParseExact(value, ["yyyy-MM-dd", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : null;
    }

    public static string Date(DateOnly date) => HelsinkiTime.Day(date);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    public static string IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Today as it is in Finland: a date after this has not happened.</summary>
    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(Platform.Localization.HelsinkiTime.ToHelsinki(clock.GetUtcNow()).DateTime);
}
