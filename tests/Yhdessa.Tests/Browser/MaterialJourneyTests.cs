using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Yhdessa.Features.Materials.Files;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Tests.Browser;

// SQLite only: what a page shows and does is the same on both engines, which the HTTP tests of each feature prove.
/// <summary>
/// A member proposes a material with a PDF, a coordinator returns it once with a note and then publishes it, and a
/// visitor finds it by another form of a word that is only in the PDF, in a real browser without JavaScript shortcuts; every page on the way passes axe.
/// </summary>
public sealed class MaterialJourneyTests(SqliteBrowserApp browser) : IClassFixture<SqliteBrowserApp>
{
    private const string Password = "kolme vihreää omenaa puussa";

    private async Task<string> PersonAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        using var scope = browser.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Testi", CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRolesAsync(user, role == Roles.Coordinator ? [Roles.Member, Roles.Coordinator] : [Roles.Member]);
        return email;
    }

    [Fact]
    public async Task A_member_proposes_a_PDF_a_coordinator_publishes_it_and_a_visitor_finds_it_by_an_inflected_word()
    {
        var member = await browser.NewPageAsync();
        await member.SignInAsync(await PersonAsync(Roles.Member), Password);
        var title = "Pihapiirin kohtaamiset " + Guid.NewGuid().ToString("N")[..6];

        await member.GotoAsync("/materials");
        await member.GetByRole(AriaRole.Link, new() { Name = "Ehdota aineistoa" }).First.ClickAsync();
        await Axe.AssertNoViolationsAsync(member);
        await member.GetByLabel("Tyyppi").SelectOptionAsync("ModelOrGuide");
        await member.GetByLabel("Otsikko", new() { Exact = true }).FillAsync(title);
        await member.GetByLabel("Tiivistelmä").FillAsync("Opas asukkaiden ja naapureiden kohtaamisiin.");
        await member.Locator("main form button.primary[type=submit]").ClickAsync();
        await member.WaitForAddressAsync(url => !url.EndsWith("/materials/new"));
        Assert.Equal(title, (await member.Locator("h1").TextContentAsync())?.Trim());
        await Axe.AssertNoViolationsAsync(member);
        var materialPath = new Uri(member.Url).AbsolutePath;

        await member.GetByRole(AriaRole.Link, new() { Name = "Tiedostot" }).ClickAsync();
        var pdf = Path.Combine(Path.GetTempPath(), $"naapuriopas-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdf, SimplePdf.Create("Naapuriopas", "Naapurisovittelu auttaa, kun asukkaiden välille syntyy riitaa."));
        await member.GetByLabel("Tiedosto").SetInputFilesAsync(pdf);
        await member.GetByRole(AriaRole.Button, new() { Name = "Lisää tiedosto" }).ClickAsync();
        await Assertions.Expect(member.Locator("table")).ToContainTextAsync("naapuriopas");
        await Axe.AssertNoViolationsAsync(member);
        File.Delete(pdf);

        await member.GotoAsync(materialPath);
        await member.GetByRole(AriaRole.Button, new() { Name = "Lähetä tarkistettavaksi" }).ClickAsync();
        await Assertions.Expect(member.Locator("body")).ToContainTextAsync("lähetettiin koordinaattorin tarkistettavaksi");

        var coordinator = await browser.NewPageAsync();
        await coordinator.SignInAsync(await PersonAsync(Roles.Coordinator), Password);
        await coordinator.GotoAsync("/materials/drafts");
        await Axe.AssertNoViolationsAsync(coordinator);
        await coordinator.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Axe.AssertNoViolationsAsync(coordinator);

        // The first review sends it back: without a note the coordinator is asked for one, then the author reads it.
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Palauta tekijälle korjattavaksi" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".error-summary")).ToContainTextAsync("Kirjoita tekijälle");
        await Axe.AssertNoViolationsAsync(coordinator);
        await coordinator.GetByLabel("Viesti tekijälle").FillAsync("Lisää oppaaseen yhteystiedot.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Palauta tekijälle korjattavaksi" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("body")).ToContainTextAsync("palautettiin tekijälle korjattavaksi");
        await member.GotoAsync(materialPath);
        await Assertions.Expect(member.Locator(".review-note")).ToHaveTextAsync("Lisää oppaaseen yhteystiedot.");
        await Axe.AssertNoViolationsAsync(member);
        await member.GetByRole(AriaRole.Button, new() { Name = "Lähetä tarkistettavaksi" }).ClickAsync();
        await Assertions.Expect(member.Locator("body")).ToContainTextAsync("lähetettiin koordinaattorin tarkistettavaksi");

        await coordinator.GotoAsync(materialPath);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Julkaise" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("body")).ToContainTextAsync("Aineisto julkaistiin");

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/materials");
        // "naapurisovittelusta" is written nowhere: the PDF says "naapurisovittelu".
        await visitor.GetByLabel("Hae aineistoista").FillAsync("naapurisovittelusta");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Hae", Exact = true }).ClickAsync();
        await Axe.AssertNoViolationsAsync(visitor);
        await visitor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        Assert.Equal(title, (await visitor.Locator("h1").TextContentAsync())?.Trim());
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("naapuriopas");
        await Axe.AssertNoViolationsAsync(visitor);
    }
}
