using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Communication.Issues.Data;
using Yhdessa.Features.Communication.Items.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Communication.Issues;

/// <summary>Demo issues written for the project (Order 47, after the items): one sent, in the archive, in Finnish and
/// Swedish with a member's item; and the next one as a draft in Finnish, waiting for the coordinator's choices.</summary>
public sealed class IssuesDemoData(YhdessaDb db, TimeProvider clock) : IDemoData
{
    public int Order => 47;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.NewsletterIssues.AnyAsync(cancellationToken)) return;
        var now = clock.GetUtcNow();
        var accepted = await db.NewsletterItems.AsNoTracking().Where(i => i.State == ItemState.Accepted).OrderBy(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        var sent = new NewsletterIssue
        {
            Number = 1, State = IssueState.Sent, CreatedAt = now.AddDays(-40), UpdatedAt = now.AddDays(-33), StartedAt = now.AddDays(-33),
            FinishedAt = now.AddDays(-33),
            Texts =
            [
                new IssueText
                {
                    Language = "fi", Subject = "Yhdessä-uutiskirje: syksyn kuulumiset",
                    Editorial = "Hyvä verkosto! Syksy on ollut täynnä yhteistä kehittämistä. Tässä numerossa jäsenet kertovat omasta työstään.",
                },
                new IssueText
                {
                    Language = "sv", Subject = "Yhdessä-nyhetsbrevet: höstens nyheter",
                    Editorial = "Bästa nätverk! Hösten har varit full av gemensam utveckling. I detta nummer berättar medlemmarna om sitt arbete.",
                },
            ],
            Entries =
            [
                new IssueEntry
                {
                    Position = 1, Language = "fi", Title = "Verkostopäivä kokosi 120 osallistujaa",
                    Text = "Verkostopäivän työpajoissa kehitettiin asumisneuvontaa ja vertaistukea. Materiaalit löytyvät materiaalipankista.",
                    Link = "https://example.fi/verkostopaiva",
                },
            ],
        };
        if (accepted is not null)
            sent.Entries.Add(new IssueEntry
            {
                Position = 2, ItemId = accepted.Id, Language = accepted.Language, Title = accepted.Title, Text = accepted.Text,
                Link = accepted.Link, OrganisationId = accepted.OrganisationId,
            });
        var draft = new NewsletterIssue
        {
            State = IssueState.Draft, CreatedAt = now.AddDays(-1), UpdatedAt = now.AddDays(-1),
            Texts = [new IssueText { Language = "fi", Subject = "Yhdessä-uutiskirje: talven numero", Editorial = "Talven numero on työn alla." }],
        };
        db.NewsletterIssues.AddRange(sent, draft);
        await db.SaveChangesAsync(cancellationToken);
    }
}
