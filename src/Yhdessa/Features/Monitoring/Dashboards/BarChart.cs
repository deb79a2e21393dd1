using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Monitoring.Dashboards;

/// <summary>One bar: its height, or null when the figure is hidden (then its label, "&lt;5" or "x", is written instead).</summary>
public readonly record struct Bar(decimal? Value, string Label);

public sealed record ChartSeries(string Name, IReadOnlyList<Bar> Bars);

/// <summary>
/// A grouped bar chart drawn on the server as SVG: no script, so it works everywhere the page does. The chart is a
/// picture of the table printed beside it (same figures), so it carries a short title for screen readers and the
/// table carries the figures. Each series has its own colour and its own fill pattern, so that series stay apart for
/// people who do not tell the colours apart and in print: the colours are told apart in the common kinds of colour
/// blindness (after Okabe and Ito, darkened to 3:1 contrast against white), and the pattern does not need colour at all.
/// </summary>
public static class BarChart
{
    private const int Width = 720, Height = 280, Left = 48, Bottom = 40, Top = 16;

    private static readonly string[] Colours = ["#0072b2", "#c44f00", "#117733", "#882255", "#332288", "#7a6200", "#aa4499", "#444444"];

    /// <summary>White marks drawn over a series' colour on an 8 × 8 tile: none, stripes one way and the other, dots, lines.</summary>
    private static readonly string[] Patterns =
    [
        "",
        "<path d=\"M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4\" stroke=\"#fff\" stroke-width=\"1.5\"/>",
        "<circle cx=\"4\" cy=\"4\" r=\"1.6\" fill=\"#fff\"/>",
        "<path d=\"M0,4 h8\" stroke=\"#fff\" stroke-width=\"1.5\"/>",
        "<path d=\"M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4\" stroke=\"#fff\" stroke-width=\"1.5\"/>",
        "<path d=\"M4,0 v8\" stroke=\"#fff\" stroke-width=\"1.5\"/>",
        "<path d=\"M0,4 h8 M4,0 v8\" stroke=\"#fff\" stroke-width=\"1\"/>",
        "<path d=\"M0,8 l8,-8 M0,0 l8,8\" stroke=\"#fff\" stroke-width=\"1\"/>",
    ];

    /// <summary>The fill of series <paramref name="s"/>: a colour and a pattern, both distinct for up to eight series.</summary>
    private static string Fill(string id, int s) => $"url(#{id}-fill-{s})";

    private static string Definitions(string id, int count)
    {
        var defs = new StringBuilder("<defs>");
        for (var s = 0; s < count; s++)
            defs.Append(CultureInfo.InvariantCulture,
                $"<pattern id=\"{id}-fill-{s}\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"><rect width=\"8\" height=\"8\" fill=\"{Colours[s % Colours.Length]}\"/>{Patterns[s % Patterns.Length]}</pattern>");
        return defs.Append("</defs>").ToString();
    }

    public static IHtmlContent Render(string id, string title, IReadOnlyList<string> groups, IReadOnlyList<ChartSeries> series)
    {
        var max = series.SelectMany(s => s.Bars).Select(b => b.Value ?? 0).DefaultIfEmpty(0).Max();
        var scaleTop = NiceCeiling(max);
        var plotWidth = Width - Left - 8;
        var plotHeight = Height - Top - Bottom;
        var groupWidth = groups.Count == 0 ? plotWidth : (double)plotWidth / groups.Count;
        var barWidth = Math.Max(2, (groupWidth - 8) / Math.Max(1, series.Count));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title\" focusable=\"false\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Encode(title)}</title>");
        svg.Append(Definitions(id, series.Count));
        svg.Append(CultureInfo.InvariantCulture,
            $"<line class=\"axis\" x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Width - 8}\" y2=\"{Top + plotHeight}\"/>");
        for (var tick = 0; tick <= 4; tick++)
        {
            var value = scaleTop * tick / 4;
            var y = Top + plotHeight - (double)(scaleTop == 0 ? 0 : value / scaleTop) * plotHeight;
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" aria-hidden=\"true\">{value.ToString("#,##0.##", Culture)}</text>");
        }
        for (var g = 0; g < groups.Count; g++)
        {
            var x0 = Left + g * groupWidth + 4;
            for (var s = 0; s < series.Count; s++)
            {
                if (g >= series[s].Bars.Count) continue;
                var bar = series[s].Bars[g];
                var x = x0 + s * barWidth;
                if (bar.Value is { } v && scaleTop > 0)
                {
                    var h = (double)(v / scaleTop) * plotHeight;
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<rect class=\"bar\" fill=\"{Fill(id, s)}\" x=\"{x:0.#}\" y=\"{Top + plotHeight - h:0.#}\" width=\"{barWidth - 1:0.#}\" height=\"{h:0.#}\"/>");
                }
                else if (bar.Value is null)
                {
                    // A hidden figure is marked where its bar would be, so that no-one reads it as zero.
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<text x=\"{x + barWidth / 2:0.#}\" y=\"{Top + plotHeight - 4}\" text-anchor=\"middle\" aria-hidden=\"true\">{Encode(bar.Label)}</text>");
                }
            }
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x0 + (groupWidth - 8) / 2:0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" aria-hidden=\"true\">{Encode(groups[g])}</text>");
        }
        svg.Append("</svg>");
        var legend = new StringBuilder("<ul class=\"legend\" aria-hidden=\"true\">");
        for (var s = 0; s < series.Count; s++)
            legend.Append(CultureInfo.InvariantCulture,
                $"<li><svg class=\"swatch\" viewBox=\"0 0 16 16\" focusable=\"false\"><rect width=\"16\" height=\"16\" fill=\"{Fill(id, s)}\"/></svg>{Encode(series[s].Name)}</li>");
        legend.Append("</ul>");
        return new HtmlString($"<figure class=\"chart\" id=\"{id}\">{svg}{(series.Count > 1 ? legend.ToString() : "")}</figure>");
    }

    private static CultureInfo Culture => Languages.FormattingCulture(Languages.Current);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>1, 2, 2.5 or 5 times a power of ten at or above the largest value, so the axis reads in round steps.</summary>
    internal static decimal NiceCeiling(decimal max)
    {
        if (max <= 0) return 0;
        var power = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)max)));
        foreach (var step in new[] { 1m, 2m, 2.5m, 5m, 10m })
            if (step * power >= max) return step * power;
        return 10 * power;
    }
}
