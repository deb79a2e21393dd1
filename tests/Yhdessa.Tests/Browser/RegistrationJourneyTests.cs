using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Events;

namespace Yhdessa.Tests.Browser;

// SQLite only: what a page shows and does is the same on both engines, which the HTTP tests of each feature prove.
/// <summary>
/// Registration as people live it, in real Chromium with real SMTP: a guest registers for the last seat and reads the
/// confirmation, a second guest (in Swedish) joins the waiting list, the first cancels by the link in the email, and
/// the second gets the offer by email and confirms the seat. Every page and email on the way passes axe.
/// </summary>
public sealed class RegistrationJourneyTests(SqliteBrowserApp browser) : IClassFixture<SqliteBrowserApp>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_guest_registers_and_cancels_by_email_and_the_next_in_the_queue_gets_the_seat_by_email()
    {
        var ev = await CreateEventAsync();
        var first = $"aino.{Guid.NewGuid():N}@example.org";
        var second = $"asa.{Guid.NewGuid():N}@example.org";

        // The first guest finds the register button on the event page and fills the form by its labels.
        var guest = await browser.NewPageAsync();
        await guest.GotoAsync($"/events/{ev.Slug}");
        await guest.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Ilmoittaudu", Exact = true }).ClickAsync();
        await guest.WaitForAddressAsync(url => url.EndsWith($"/events/{ev.Slug}/register"));
        await CleanAsync(guest, "fi");
        Assert.Contains("Paikkoja jäljellä: 1.", await guest.Locator("main").InnerTextAsync());
        await FillAsync(guest, "Nimi", "Aino Ääninen", "Sähköpostiosoite", first, "Organisaatio, jos se ei ole luettelossa", "Y-Säätiö");
        await guest.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Ilmoittaudu", Exact = true }).ClickAsync();
        await guest.WaitForAddressAsync(url => url.Contains("/events/registration/"));
        Assert.Contains("Ilmoittautumisesi on vahvistettu", await guest.Locator(".notice").First.InnerTextAsync());
        await CleanAsync(guest, "fi");

        var confirmation = await MessageAsync(first, 1);
        Assert.Equal($"Ilmoittautuminen vahvistettu: {ev.TitleFi}", confirmation.Subject);
        Assert.Contains("https://meet.example.org/syksy", confirmation.TextBody);
        Assert.Contains($"/events/{ev.Slug}.ics", confirmation.TextBody);
        await MailIsCleanAsync(guest, confirmation, "fi");
        var cancelLink = SmtpInbox.LinksIn(confirmation).Single(l => l.AbsolutePath.StartsWith("/events/registration/"));
        Assert.Equal(browser.BaseAddress.Authority, cancelLink.Authority);

        // The second guest registers in Swedish and is told the place in the queue.
        var waiting = await browser.NewPageAsync(width: 320, height: 640);
        await waiting.GotoAsync($"/events/{ev.Slug}/register?culture=sv");
        await CleanAsync(waiting, "sv");
        await FillAsync(waiting, "Namn", "Åsa Öhman", "E-post", second, "Organisation, om den inte finns i listan", "Vasa stad");
        await waiting.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Anmäl dig", Exact = true }).ClickAsync();
        await waiting.WaitForAddressAsync(url => url.Contains("/events/registration/"));
        Assert.Contains("Du står på plats 1 i kön.", await waiting.Locator("main").InnerTextAsync());
        await CleanAsync(waiting, "sv");
        Assert.Equal($"Du står i kö: {ev.TitleFi}", (await MessageAsync(second, 1)).Subject);

        // The first guest cancels from the email, in a browser without the earlier cookies.
        var fromMail = await browser.NewPageAsync();
        await fromMail.GotoAsync(cancelLink.ToString());
        await CleanAsync(fromMail, "fi");
        await fromMail.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Peru ilmoittautuminen" }).ClickAsync();
        await fromMail.WaitForSelectorAsync(".notice");
        Assert.Contains("Ilmoittautumisesi on peruttu.", await fromMail.Locator("main").InnerTextAsync());
        await CleanAsync(fromMail, "fi");

        // The freed seat is offered to the second guest by email, in Swedish; the link confirms it.
        var offer = await MessageAsync(second, 2);
        Assert.Equal($"En plats har blivit ledig för dig: {ev.TitleFi}", offer.Subject);
        await MailIsCleanAsync(waiting, offer, "sv");
        var offerLink = SmtpInbox.LinksIn(offer).Single(l => l.AbsolutePath.StartsWith("/events/registration/"));
        await waiting.GotoAsync(offerLink.ToString());
        Assert.Contains("En plats har blivit ledig för dig!", await waiting.Locator("main").InnerTextAsync());
        await CleanAsync(waiting, "sv");
        await waiting.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Bekräfta platsen" }).ClickAsync();
        await waiting.WaitForSelectorAsync(".notice");
        var confirmed = await waiting.Locator("main").InnerTextAsync();
        Assert.Contains("Din plats är bekräftad.", confirmed);
        Assert.Contains("https://meet.example.org/syksy", confirmed);
        await CleanAsync(waiting, "sv");
        Assert.Equal($"Anmälan bekräftad: {ev.TitleFi}", (await MessageAsync(second, 3)).Subject);
    }

    private async Task<Event> CreateEventAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var ev = EventTestData.NewEvent(EventTestData.Unique("Syysseminaari"), now.AddDays(12), online: "https://meet.example.org/syksy");
        ev.Capacity = 1;
        ev.RegistrationOpensAt = now.AddDays(-1);
        ev.RegistrationClosesAt = now.AddDays(11);
        using var scope = browser.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
        db.Events.Add(ev);
        await db.SaveChangesAsync();
        return ev;
    }

    private static async Task FillAsync(IPage page, params string[] labelsAndValues)
    {
        var main = page.Locator("main");
        for (var i = 0; i < labelsAndValues.Length; i += 2)
            await main.GetByLabel(labelsAndValues[i], new() { Exact = true }).FillAsync(labelsAndValues[i + 1]);
    }

    /// <summary>The <paramref name="count"/>th message to the address, waiting for it.</summary>
    private async Task<MimeMessage> MessageAsync(string to, int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (browser.Inbox.MessagesTo(to).Count < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Only {browser.Inbox.MessagesTo(to).Count} messages to {to}");
            await Task.Delay(50);
        }
        return browser.Inbox.MessagesTo(to)[count - 1];
    }

    private static async Task CleanAsync(IPage page, string language)
    {
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
    }

    /// <summary>The HTML part is read too, often with a screen reader: the same check in a tab of its own.</summary>
    private static async Task MailIsCleanAsync(IPage from, MimeMessage message, string language)
    {
        var mail = await from.Context.NewPageAsync();
        await mail.SetContentAsync(Assert.IsType<string>(message.HtmlBody));
        Assert.Equal(message.Subject, await mail.TitleAsync());
        await CleanAsync(mail, language);
        await mail.CloseAsync();
    }
}
