using AngleSharp.Html.Parser;
using Yhdessa.Features.Monitoring.Dashboards;

namespace Yhdessa.Tests.Monitoring;

/// <summary>The dashboard charts keep every series apart without relying on colour alone.</summary>
public sealed class BarChartTests
{
    [Fact]
    public void Each_of_eight_series_has_its_own_colour_and_its_own_pattern_in_the_bars_and_the_legend()
    {
        var names = new[] { "Itsenäisempään asumiseen", "Samantasoiseen", "Tuetumpaan", "Laitokseen", "Asunnottomaksi", "Kuoli tai ei tiedossa", "Muu", "Ei tietoa" };
        var html = BarChart.Render("ended", "Päättyneet asumiset", ["2024", "2025"],
            [.. names.Select((name, i) => new ChartSeries(name, [new Bar(10 + i, ""), new Bar(20 + i, "")]))]).ToString()!;
        var document = new HtmlParser().ParseDocument(html);

        var patterns = document.QuerySelectorAll("pattern").ToList();
        Assert.Equal(8, patterns.Count);
        Assert.Equal(8, patterns.Select(p => p.QuerySelector("rect")!.GetAttribute("fill")).Distinct().Count());
        Assert.Equal(8, patterns.Select(p => string.Concat(p.Children.Skip(1).Select(c => c.OuterHtml))).Distinct().Count());

        // Both bars of a series, and its legend swatch, use the series' own fill.
        var bars = document.QuerySelectorAll("rect.bar").Select(r => r.GetAttribute("fill")).ToList();
        Assert.Equal(16, bars.Count);
        Assert.Equal(8, bars.Distinct().Count());
        var legend = document.QuerySelectorAll(".legend li").ToList();
        Assert.Equal(names, legend.Select(li => li.TextContent));
        Assert.Equal(bars.Distinct(), legend.Select(li => li.QuerySelector("rect")!.GetAttribute("fill")));
    }
}
