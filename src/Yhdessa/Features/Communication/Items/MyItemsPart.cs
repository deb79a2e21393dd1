using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.My;

namespace Yhdessa.Features.Communication.Items;

/// <summary>On one's own page: the items she has written for the newsletter and their states.</summary>
internal sealed class MyItemsPart(NewsletterItems items, IStringLocalizer<CommunicationText> c) : IMyPagePart
{
    public int Order => 38;

    public async Task<MyPagePart?> LoadAsync(ClaimsPrincipal person, CancellationToken cancellationToken)
    {
        var mine = await items.OfAuthorAsync(person.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        var links = new List<MyLink> { new(c["NewItem"], "/newsletter/items/new"), new(c["MyItemsTitle"], "/newsletter/items") };
        if (await items.MayEditAsync(person, cancellationToken)) links.Add(new MyLink(c["QueueTitle"], "/newsletter/queue"));
        return new MyPagePart(c["MyItemsTitle"], [.. mine.Take(5).Select(i => new MyThing(i.Title, "/newsletter/items", c["ItemState_" + i.State]))],
            c["NoItems"], links);
    }
}
