using Microsoft.Extensions.Localization;
using Yhdessa.Features.Materials.Data;

namespace Yhdessa.Features.Materials;

/// <summary>Marker for the material bank's texts (MaterialsText.fi/sv/en.resx).</summary>
public sealed class MaterialsText;

public static class MaterialsDisplay
{
    public static string TypeName(this IStringLocalizer<MaterialsText> m, MaterialType type) => m[$"Type_{type}"];
    public static string TypeName(this IStringLocalizer<MaterialsText> m, string type) =>
        Enum.TryParse<MaterialType>(type, out var parsed) ? m.TypeName(parsed) : type;
    public static string StatusName(this IStringLocalizer<MaterialsText> m, MaterialStatus status) => m[$"Status_{status}"];
    public static string LanguageName(this IStringLocalizer<MaterialsText> m, string language) => m[$"Language_{language}"];

    /// <summary>Licences offered in the form; another can be typed by a coordinator through the API later.</summary>
    public static readonly string[] Licences = ["CC BY 4.0", "CC BY-SA 4.0", "CC BY-NC 4.0", "CC BY-NC-ND 4.0", "CC0 1.0", "Kaikki oikeudet pidätetään"];
}
