using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Workspaces.Data;

namespace Yhdessa.Features.Workspaces;

/// <summary>The checks of a new action's form (in a memo or on the actions page); the owner's participation and the
/// deadline against today are the service's to check.</summary>
public static class ActionForm
{
    public static DateOnly? Check(ModelStateDictionary state, string? text, string? owner, DateOnly? due, IStringLocalizer<WorkspacesText> w)
    {
        if (string.IsNullOrWhiteSpace(text)) state.AddModelError("ActionText", w["ActionRequired"]);
        else if (text.Trim().Length > WorkspaceLimits.Action) state.AddModelError("ActionText", w["TooLong", w["Action"], WorkspaceLimits.Action]);
        if (string.IsNullOrEmpty(owner)) state.AddModelError("ActionOwner", w["OwnerRequired"]);
        if (state.TryGetValue("ActionDue", out var entry) && entry.Errors.Count > 0)
        {
            entry.Errors.Clear();
            state.AddModelError("ActionDue", w["BadDate"]);
        }
        else if (due is null) state.AddModelError("ActionDue", w["DeadlineRequired"]);
        return state.IsValid ? due : null;
    }
}

/// <summary>A page with the new action's form (<c>_NewAction.cshtml</c>).</summary>
public interface IActionForm
{
    string? ActionText { get; }
    string? ActionOwner { get; }
    DateOnly? ActionDue { get; }
    List<ParticipantRow> Participants { get; }
    string ActionPostUrl { get; }
}
