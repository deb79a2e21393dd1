using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Home;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Materials;

/// <summary>
/// On the front page: the materials published last (drafts and proposals never), newest first as in the bank's feed,
/// each with its type, language, publication date and the start of its summary. One query of the shown columns. A
/// material published in several languages is shown once, in the reader's language when it has that version. Publishing,
/// changing and withdrawing clear every public page (<see cref="MaterialCatalogue.SyncAsync"/>), the front page included.
/// </summary>
internal sealed class NewestMaterialsSection(YhdessaDb db, IStringLocalizer<MaterialsText> m) : IFrontPageSection
{
    public int Order => 30;

    private sealed record Newest(string Slug, string Title, string Summary, string Language, MaterialType Type, DateOnly Date, Guid TranslationKey);

    public async Task<FrontPageSection?> LoadAsync(CancellationToken cancellationToken)
    {
        // A few more than shown, so that language versions of one material published together still leave enough.
        var newest = await db.Materials.AsNoTracking().Where(x => x.Status == MaterialStatus.Published && x.PublishedAt != null)
            .OrderByDescending(x => x.PublishedAt).ThenByDescending(x => x.Id).Take(FrontPage.Items * 3)
            .Select(x => new Newest(x.Slug, x.Title, x.Summary, x.Language, x.Type, x.PublicationDate, x.TranslationKey))
            .ToListAsync(cancellationToken);
        if (newest.Count == 0) return null;
        var language = Languages.Current;
        var shown = newest.GroupBy(x => x.TranslationKey)
            .Select(versions => versions.FirstOrDefault(x => x.Language == language) ?? versions.First()).Take(FrontPage.Items);
        return new FrontPageSection(m["FrontHeading"],
            [.. shown.Select(x => new FrontPageItem(x.Title, "/materials/" + x.Slug,
                Capitalised($"{m.TypeName(x.Type)} · {m.LanguageName(x.Language)} · {HelsinkiTime.Day(x.Date)}"),
                ShortText.Shorten(x.Summary, 160), x.Language == language ? null : x.Language))],
            new FrontPageLink(m["FrontAll"], "/materials"));
    }

    /// <summary>The type names are written for the middle of a line ("julkaisu"); the meta line starts with one.</summary>
    private static string Capitalised(string line) => line.Length == 0 ? line : char.ToUpper(line[0], CultureInfo.CurrentCulture) + line[1..];
}
