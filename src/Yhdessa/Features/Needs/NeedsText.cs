using Microsoft.Extensions.Localization;
using Yhdessa.Features.Needs.Data;

namespace Yhdessa.Features.Needs;

/// <summary>Marker for the needs' texts (NeedsText.fi/sv/en.resx).</summary>
public sealed class NeedsText;

public static class NeedsDisplay
{
    public static string KindName(this IStringLocalizer<NeedsText> n, NeedKind kind) => n[$"Kind_{kind}"];
    public static string StateName(this IStringLocalizer<NeedsText> n, NeedState state) => n[$"State_{state}"];

    /// <summary>The feed in the language of the page that links to it (a feed reader sends no language of its own).</summary>
    public static string FeedUrl() =>
        Platform.Localization.Languages.Current is var language && language == Platform.Localization.Languages.Finnish
            ? "/needs/feed" : "/needs/feed?culture=" + language;

    /// <summary>Where a need comes from when no name is shown: "a member from an NGO", "a visitor", "event feedback".</summary>
    public static string RaisedFrom(this IStringLocalizer<NeedsText> n, Need need) => need.Origin switch
    {
        NeedOrigin.Visitor => n["RaisedFrom_Visitor"],
        NeedOrigin.Feedback => n["RaisedFrom_Feedback"],
        _ => n["RaisedFrom_" + (need.RaisedFromSector?.ToString() ?? "Network")],
    };
}
