using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Admin;
using Yhdessa.Features.Events.Registration;
using Yhdessa.Features.Monitoring.Import;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Tests.Platform;

/// <summary>A count reads right for one and for many, in every language (<see cref="Counts"/>).</summary>
public sealed class CountTextsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("fi", 1, "1 paikka on varattu ohjelman kaupungeille.", "Epäonnistunut kerran, yritetään uudelleen")]
    [InlineData("fi", 3, "3 paikkaa on varattu ohjelman kaupungeille.", "Epäonnistunut 3 kertaa, yritetään uudelleen")]
    [InlineData("sv", 1, "1 plats är reserverad för städerna i programmet.", "Misslyckades en gång, försöker igen")]
    [InlineData("en", 2, "2 seats are reserved for the cities in the programme.", "Failed 2 times, will retry")]
    public void One_and_many_read_right(string language, int count, string seats, string attempts)
    {
        using var scope = app.Services.CreateScope();
        using var _ = Languages.Use(language);
        Assert.Equal(seats, scope.ServiceProvider.GetRequiredService<IStringLocalizer<RegistrationText>>().Count("ReservedNoteCities", count).Value);
        Assert.Equal(attempts, scope.ServiceProvider.GetRequiredService<IStringLocalizer<AdminText>>().Count("OutboxFailingAttempts", count).Value);
    }

    [Fact]
    public void The_import_summary_reads_right_for_any_number()
    {
        using var scope = app.Services.CreateScope();
        using var _ = Languages.Use("fi");
        var t = scope.ServiceProvider.GetRequiredService<IStringLocalizer<ImportText>>();
        Assert.Equal("Tiedosto tuotiin. Uusia jaksoja: 1, päivitettyjä: 1, ennallaan: 0.", t["SavedStays", 1, 1, 0].Value);
    }
}
