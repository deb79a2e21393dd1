using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Communication.Items.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Communication.Items;

/// <summary>Demo items written for the project (Order 46): the demo member's items for the newsletter, one waiting in the
/// queue, one returned with the editors' note and one accepted with an edit.</summary>
public sealed class ItemsDemoData(YhdessaDb db, TimeProvider clock) : IDemoData
{
    public int Order => 46;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.NewsletterItems.AnyAsync(cancellationToken)) return;
        var author = await db.Users.Where(u => u.Email == DemoAccounts.Member).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        if (author is null) return;
        var organisation = await db.Organisations.Where(o => o.NameFi.StartsWith("Y-Säätiö")).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        db.NewsletterItems.AddRange(
            new NewsletterItem
            {
                AuthorId = author, OrganisationId = organisation, Language = "fi", State = ItemState.Submitted, SubmittedAt = now.AddDays(-2),
                Title = "Asukaskahvila avasi ovensa Kalliossa",
                Text = "Asumisyksikön asukkaat suunnittelivat kahvilan itse. Se on auki tiistaisin ja torstaisin, ja naapurit ovat tervetulleita.",
                Link = "https://example.fi/asukaskahvila",
            },
            new NewsletterItem
            {
                AuthorId = author, OrganisationId = organisation, Language = "fi", State = ItemState.Returned, SubmittedAt = now.AddDays(-9),
                DecidedAt = now.AddDays(-7), Revision = 1, Title = "Vertaistukiryhmä vuokravelallisille",
                Text = "Aloitimme vertaistukiryhmän.", EditorNote = "Kertoisitko, missä ja milloin ryhmä kokoontuu ja kenelle se on tarkoitettu?",
            },
            new NewsletterItem
            {
                AuthorId = author, Language = "fi", State = ItemState.Accepted, SubmittedAt = now.AddDays(-20), DecidedAt = now.AddDays(-18), Revision = 1,
                Title = "Kokemusasiantuntijat kouluttavat uusia työntekijöitä",
                SubmittedTitle = "Kokemusasiantuntijat mukaan perehdytykseen",
                Text = "Kokemusasiantuntijat ovat mukana jokaisessa uusien työntekijöiden perehdytyksessä.",
                SubmittedText = "Kokemusasiantuntijat ovat mukana jokaisessa uusien työntekijöiden perehdytyksessä.",
            });
        await db.SaveChangesAsync(cancellationToken);
    }
}
