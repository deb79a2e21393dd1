using Microsoft.Extensions.Localization;
using Yhdessa.Features.Workspaces.Data;

namespace Yhdessa.Features.Workspaces;

/// <summary>Marker for the workspaces' texts (WorkspacesText.fi/sv/en.resx).</summary>
public sealed class WorkspacesText;

public static class WorkspacesDisplay
{
    public static string RoleName(this IStringLocalizer<WorkspacesText> w, WorkspaceRole role) => w[$"Role_{role}"];
    public static string MethodName(this IStringLocalizer<WorkspacesText> w, WorkspaceMethod method) => w[$"Method_{method}"];
    public static string StatusName(this IStringLocalizer<WorkspacesText> w, WorkspaceStatus status) => w[$"Status_{status}"];

    public static string Dates(WorkspaceCard card) => Dates(card.StartsOn, card.EndsOn);

    public static string Dates(DateOnly? starts, DateOnly? ends) => (starts, ends) switch
    {
        ({ } s, { } e) => $"{Platform.Localization.HelsinkiTime.Day(s)}–{Platform.Localization.HelsinkiTime.Day(e)}",
        ({ } s, null) => Platform.Localization.HelsinkiTime.Day(s) + "–",
        (null, { } e) => "–" + Platform.Localization.HelsinkiTime.Day(e),
        _ => "",
    };
}
