using Yhdessa.Platform.Localization;

namespace Yhdessa.Tests.Platform;

/// <summary>Numbers, days and times are written as readers of the page's language write them.</summary>
public sealed class PageLanguageFormatsTests
{
    private static readonly DateTimeOffset Moment = new(2026, 11, 24, 7, 5, 0, TimeSpan.Zero); // 9.05 in Helsinki

    [Theory]
    [InlineData("fi", "24.11.2026 9.05", "ti 24.11.2026", "4,3", "1\u00a0250")]
    [InlineData("sv", "24.11.2026 9.05", "tis 24.11.2026", "4,3", "1\u00a0250")]
    [InlineData("en", "24 Nov 2026 09:05", "Tue 24 Nov 2026", "4.3", "1,250")]
    public void Each_language_writes_its_own_way(string language, string dateAndTime, string dayWithWeekday, string mean, string thousands)
    {
        using var _ = Languages.Use(language);
        var numbers = Languages.FormattingCulture(language);
        Assert.Equal(dateAndTime, HelsinkiTime.DateAndTime(Moment));
        Assert.Equal(dayWithWeekday, HelsinkiTime.Date(Moment, weekday: true));
        Assert.Equal(mean, 4.3m.ToString("0.0", numbers));
        Assert.Equal(thousands, 1250.ToString("N0", numbers));
    }
}
