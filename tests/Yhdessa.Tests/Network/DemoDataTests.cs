using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Network;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Tests.Network;

public sealed class NetworkDemoDataOnSqlite(SqliteApp app) : NetworkDemoDataTests(app), IClassFixture<SqliteApp>;
public sealed class NetworkDemoDataOnPostgres(PostgresApp app) : NetworkDemoDataTests(app), IClassFixture<PostgresApp>;

/// <summary>Starts the fixture's (so far unused) database with demo content on, twice, as a restart would.</summary>
public abstract class NetworkDemoDataTests(YhdessaApp app)
{
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> WithDemoData() =>
        app.WithWebHostBuilder(builder => builder.UseSetting("Yhdessa:DemoData", "true"));

    private async Task<(int Organisations, int Groups, int Profiles, int Memberships)> StartAndCountAsync(bool seedAgain = false)
    {
        await using var started = WithDemoData();
        using var scope = started.Services.CreateScope();
        if (seedAgain)
            foreach (var demo in scope.ServiceProvider.GetServices<IDemoData>().OfType<NetworkDemoData>())
                await demo.SeedAsync(default);
        var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
        return (await db.Organisations.CountAsync(), await db.Groups.CountAsync(), await db.PersonProfiles.CountAsync(),
            await db.GroupMemberships.CountAsync());
    }

    [Fact]
    public async Task Demo_content_has_the_seed_organisations_and_groups_once_even_after_a_restart()
    {
        var first = await StartAndCountAsync();
        Assert.True(first.Organisations >= 28, $"only {first.Organisations} organisations");
        Assert.True(first.Profiles >= 10);

        await using (var started = WithDemoData())
        {
            var client = started.CreateClient();
            var search = await client.GetStringAsync("/network/organisations?q=s%C3%A4%C3%A4ti%C3%B6");
            Assert.Contains(">Y-Säätiö</a>", search);
            var groups = await client.GetStringAsync("/network/groups");
            foreach (var name in new[] { "Johtoryhmä", "Laaja asiantuntijatiimi", "Pieni asiantuntijatiimi", "Naiserityinen asunnottomuustyö" })
                Assert.Contains(name, groups);
            using var scope = started.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
            var ySaatio = await db.Organisations.SingleAsync(o => o.Slug == "y-saatio");
            Assert.Equal(Sector.Ngo, ySaatio.Sector);
            Assert.Equal("091", ySaatio.MunicipalityCode);
            Assert.Equal(Sector.City, (await db.Organisations.SingleAsync(o => o.NameFi == "Espoon kaupunki")).Sector);
            Assert.True(await db.PersonProfiles.AnyAsync(p => p.IsExpertByExperience && p.IsPublic));
            Assert.True(await db.PersonProfiles.AnyAsync(p => !p.IsPublic));
            // The demo member of the accounts feature gets a private profile and a group.
            var member = await db.Users.SingleAsync(u => u.Email == DemoAccounts.Member);
            Assert.False((await db.PersonProfiles.SingleAsync(p => p.UserId == member.Id)).IsPublic);
            Assert.True(await db.GroupMemberships.AnyAsync(m => m.UserId == member.Id));
        }

        Assert.Equal(first, await StartAndCountAsync());
        Assert.Equal(first, await StartAndCountAsync(seedAgain: true));
    }
}
