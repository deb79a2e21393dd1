using Microsoft.Extensions.Localization;
using Yhdessa.Features.Needs.Data;

namespace Yhdessa.Features.Needs;

/// <summary>Marker for the needs' texts (NeedsText.fi/sv/en.resx).</summary>
public sealed class NeedsText;

public static class NeedsDisplay
{
    public static string KindName(this IStringLocalizer<NeedsText> n, NeedKind kind) => n[$"Kind_{kind}"];
    public static string StateName(this IStringLocalizer<NeedsText> n, NeedState state) => n[$"State_{state}"];
}
