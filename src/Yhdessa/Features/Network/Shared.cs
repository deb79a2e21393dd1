using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Network.Data;

namespace Yhdessa.Features.Network;

/// <summary>Texts of the network's enumerations and helpers the pages share.</summary>
public static class NetworkDisplay
{
    public static string SectorName(this IStringLocalizer<NetworkText> n, Sector sector) => n[$"Sector_{sector}"];
    public static string KindName(this IStringLocalizer<NetworkText> n, GroupKind kind) => n[$"Kind_{kind}"];
    public static string JoiningName(this IStringLocalizer<NetworkText> n, Joining joining) => n[$"Joining_{joining}"];
    public static string VisibilityName(this IStringLocalizer<NetworkText> n, MembershipVisibility visibility) => n[$"Visibility_{visibility}"];

    public static IEnumerable<SelectListItem> EnumOptions<T>(Func<T, string> text, T? selected) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(text(v), v.ToString(), selected.HasValue && selected.Value.Equals(v)));

    /// <summary>Plain text split into paragraphs at blank lines; rendered as text, never as markup.</summary>
    public static IEnumerable<string> Paragraphs(string? text) =>
        (text ?? "").Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
