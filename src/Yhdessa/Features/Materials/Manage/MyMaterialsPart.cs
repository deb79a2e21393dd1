using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.My;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Materials.Manage;

/// <summary>On a person's own page: the materials she has written or proposed, latest changed first.</summary>
internal sealed class MyMaterialsPart(YhdessaDb db, IStringLocalizer<MaterialsText> m) : IMyPagePart
{
    public int Order => 40;

    public async Task<MyPagePart?> LoadAsync(ClaimsPrincipal person, CancellationToken cancellationToken)
    {
        var userId = person.FindFirstValue(ClaimTypes.NameIdentifier);
        var mine = await db.Materials.AsNoTracking().Where(x => x.CreatedById == userId)
            .OrderByDescending(x => x.UpdatedAt).Take(5).ToListAsync(cancellationToken);
        return new MyPagePart(m["MyMaterialsTitle"], [.. mine.Select(x => new MyThing(x.Title, $"/materials/{x.Slug}",
                x.Status == MaterialStatus.Draft && x.ReviewNote.Length > 0 ? m["Status_Returned"] : m.StatusName(x.Status),
                x.Language == Platform.Localization.Languages.Current ? null : x.Language))],
            m["MyMaterialsNone"], [new MyLink(m["MyMaterialsAll"], "/materials/drafts"), new MyLink(m["NewMaterial"], "/materials/new")]);
    }
}
