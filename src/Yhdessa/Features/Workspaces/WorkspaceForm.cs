using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Workspaces.Data;

namespace Yhdessa.Features.Workspaces;

/// <summary>A page with a workspace's settings form (<c>_SettingsForm.cshtml</c>).</summary>
public interface IWorkspaceSettingsForm
{
    WorkspaceInput Input { get; }
    List<EventTheme> Themes { get; }
}

/// <summary>The checks of a workspace's settings form, shared by the new workspace and its settings.</summary>
public static class WorkspaceForm
{
    public static void Check(ModelStateDictionary state, WorkspaceInput input, IReadOnlyCollection<EventTheme> themes, IStringLocalizer<WorkspacesText> w)
    {
        // A date the browser could not read arrives as a binding error in the field's own words; say it in ours.
        foreach (var field in new[] { "Input.StartsOn", "Input.EndsOn" })
            if (state.TryGetValue(field, out var entry) && entry.Errors.Count > 0 && entry.AttemptedValue is { Length: > 0 })
            {
                entry.Errors.Clear();
                state.AddModelError(field, w["BadDate"]);
            }
        foreach (var (field, message) in new[] { ("Input.Method", "ChooseMethod"), ("Input.Status", "ChooseStatus"), ("Input.Themes", "UnknownTheme") })
            if (state.TryGetValue(field, out var entry) && entry.Errors.Count > 0)
            {
                entry.Errors.Clear();
                state.AddModelError(field, w[message]);
            }
        if (string.IsNullOrWhiteSpace(input.Name)) state.AddModelError("Input.Name", w["NameRequired"]);
        else if (input.Name.Trim().Length > WorkspaceLimits.Name) state.AddModelError("Input.Name", w["TooLong", w["Name"], WorkspaceLimits.Name]);
        if (string.IsNullOrWhiteSpace(input.Purpose)) state.AddModelError("Input.Purpose", w["PurposeRequired"]);
        else if (input.Purpose.Trim().Length > WorkspaceLimits.Purpose) state.AddModelError("Input.Purpose", w["TooLong", w["Purpose"], WorkspaceLimits.Purpose]);
        if (input.Outputs?.Trim().Length > WorkspaceLimits.Outputs) state.AddModelError("Input.Outputs", w["TooLong", w["Outputs"], WorkspaceLimits.Outputs]);
        if (!Enum.IsDefined(input.Method) && state["Input.Method"]?.Errors.Count is null or 0) state.AddModelError("Input.Method", w["ChooseMethod"]);
        if (!Enum.IsDefined(input.Status) && state["Input.Status"]?.Errors.Count is null or 0) state.AddModelError("Input.Status", w["ChooseStatus"]);
        if (input.StartsOn is { } starts && input.EndsOn is { } ends && ends < starts) state.AddModelError("Input.EndsOn", w["EndsBeforeStarts"]);
        if (input.Themes.Distinct().Count() > WorkspaceLimits.MaxThemes) state.AddModelError("Input.Themes", w["TooManyThemes", WorkspaceLimits.MaxThemes]);
        if (input.Themes.Any(t => themes.All(x => x.Id != t))) state.AddModelError("Input.Themes", w["UnknownTheme"]);
    }
}
