using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Communication.Items.Data;
using Yhdessa.Features.Communication.News;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Communication.Items;

/// <summary>An item as its author's form sends it.</summary>
public sealed class ItemInput
{
    public string? Language { get; set; } = "fi";
    public string? Title { get; set; }
    public string? Text { get; set; }
    public string? Link { get; set; }
    public string? ImageAlt { get; set; }
    public int? OrganisationId { get; set; }
    public bool RemoveImage { get; set; }
    public int Revision { get; set; }
}

public enum ItemDecision { Accept, Return, Decline }

/// <summary>
/// Members' items for the newsletter and the news, and the editorial queue: the author submits, edits and submits again
/// a returned item; the editors (coordinators and the members of the groups a coordinator names) accept one, with
/// their edits kept beside what she wrote, return it with a note, or decline it with a reason. The author is mailed in
/// her language when her item is returned or declined, and sees every state on her own page.
/// </summary>
public sealed class NewsletterItems(YhdessaDb db, EmailOutbox outbox, AuditLog audit, IStringLocalizer<CommunicationText> c,
    IOptions<PlatformOptions> platform, TimeProvider clock)
{
    public async Task<bool> MayEditAsync(ClaimsPrincipal person, CancellationToken cancellationToken) =>
        person.IsInRole(Roles.Coordinator)
        || person.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && await db.GroupMemberships.AnyAsync(m => m.UserId == userId
            && m.Status == MembershipStatus.Member && db.NewsletterEditorGroups.Any(g => g.GroupId == m.GroupId), cancellationToken);

    public Task<List<NewsletterItem>> OfAuthorAsync(string authorId, CancellationToken cancellationToken) =>
        db.NewsletterItems.AsNoTracking().Where(i => i.AuthorId == authorId).OrderByDescending(i => i.SubmittedAt).ToListAsync(cancellationToken);

    public Task<List<NewsletterItem>> InStateAsync(ItemState state, CancellationToken cancellationToken) =>
        db.NewsletterItems.AsNoTracking().Where(i => i.State == state).OrderBy(i => i.SubmittedAt).ToListAsync(cancellationToken);

    public Task<NewsletterItem?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.NewsletterItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    /// <summary>Saves a new item, or the author's edit of her submitted or returned item (which is then submitted again).
    /// Returns the problems by form field; nothing is saved when there are any.</summary>
    public async Task<(NewsletterItem? Item, Dictionary<string, string> Problems)> SaveAsync(string authorId, NewsletterItem? existing, ItemInput input,
        UploadedImage? image, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>();
        void Problem(string field, string message) => problems.TryAdd("Input." + field, message);
        var now = clock.GetUtcNow();
        if (existing is not null && (existing.AuthorId != authorId || existing.State is not (ItemState.Submitted or ItemState.Returned)))
            problems[""] = c["ItemNotEditable"];
        else if (existing is not null && existing.Revision != input.Revision) problems[""] = c["ItemChangedMeanwhile"];
        var title = input.Title?.Trim() ?? "";
        var text = input.Text?.Trim() ?? "";
        var link = TextInput.TrimToNull(input.Link);
        var alt = TextInput.TrimToNull(input.ImageAlt);
        if (!Languages.All.Contains(input.Language)) Problem("Language", c["SubscribeLanguageRequired"]);
        if (title.Length == 0) Problem("Title", c["ItemTitleRequired"]);
        else if (title.Length > ItemLimits.Title) Problem("Title", c["ItemTitleTooLong", ItemLimits.Title]);
        if (text.Length == 0) Problem("Text", c["ItemTextRequired"]);
        else if (text.Length > ItemLimits.Text) Problem("Text", c["ItemTextTooLong", ItemLimits.Text]);
        if (link is not null && (link.Length > ItemLimits.Link || !TextInput.IsWebAddress(link))) Problem("Link", c["ItemLinkInvalid"]);
        if (InputRules.HasInvisibleControl(title) || InputRules.HasInvisibleControl(text.Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ')))
            Problem("Title", c["ItemInvisibleCharacters"]);
        if (input.OrganisationId is { } organisationId && !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
            Problem("OrganisationId", c["NewsUnknownOrganisation"]);
        News.Data.NewsImage? newImage = null;
        if (image is not null)
        {
            var (read, problem) = await NewsImages.ReadAsync(image, now, cancellationToken);
            if (problem is not null) problems.TryAdd("Image", c[problem, FileSizes.Text(News.Data.NewsLimits.ImageBytes, System.Globalization.CultureInfo.CurrentCulture)]);
            newImage = read;
        }
        var hasImage = newImage is not null || (existing?.ImageId is not null && !input.RemoveImage);
        if (hasImage && alt is null) Problem("ImageAlt", c["ItemImageAltRequired"]);
        if (alt?.Length > News.Data.NewsLimits.ImageAlt) Problem("ImageAlt", c["NewsImageAltTooLong", c["Language_" + input.Language], News.Data.NewsLimits.ImageAlt]);
        if (problems.Count > 0) return (null, problems);

        var item = existing is null ? new NewsletterItem { AuthorId = authorId }
            : await db.NewsletterItems.SingleAsync(i => i.Id == existing.Id, cancellationToken);
        if (item.Revision != input.Revision) return (null, new() { [""] = c["ItemChangedMeanwhile"] });
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (newImage is not null)
        {
            db.NewsImages.Add(newImage);
            await db.SaveChangesAsync(cancellationToken);
        }
        (item.Language, item.Title, item.Text, item.Link, item.OrganisationId) = (input.Language!, title, text, link, input.OrganisationId);
        item.ImageId = newImage?.Id ?? (input.RemoveImage ? null : item.ImageId);
        item.ImageAlt = item.ImageId is null ? null : alt;
        (item.State, item.SubmittedAt, item.EditorNote) = (ItemState.Submitted, now, existing?.EditorNote);
        if (existing is null) db.NewsletterItems.Add(item);
        else item.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // An editor decided on it meanwhile (the revision is checked by the database): nothing of this save stays.
            return (null, new() { [""] = c["ItemChangedMeanwhile"] });
        }
        await transaction.CommitAsync(cancellationToken);
        return (item, []);
    }

    /// <summary>An editor's decision on a submitted item. A return needs a note and a decline a reason, both shown to the
    /// author; an accept may change the title and text, and what she wrote is kept beside them.</summary>
    public async Task<string?> DecideAsync(int id, int revision, ItemDecision decision, string? note, string? editedTitle, string? editedText,
        CancellationToken cancellationToken)
    {
        note = TextInput.TrimToNull(note);
        if (decision != ItemDecision.Accept && note is null) return c[decision == ItemDecision.Return ? "ItemReturnNoteRequired" : "ItemDeclineReasonRequired"];
        if (note?.Length > ItemLimits.Note) return c["ItemNoteTooLong", ItemLimits.Note];
        var item = await db.NewsletterItems.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null || item.State != ItemState.Submitted) return c["ItemNotWaiting"];
        if (item.Revision != revision) return c["ItemChangedMeanwhile"];
        var now = clock.GetUtcNow();
        if (decision == ItemDecision.Accept)
        {
            var title = TextInput.TrimToNull(editedTitle) ?? item.Title;
            var text = TextInput.TrimToNull(editedText) ?? item.Text;
            if (title.Length > ItemLimits.Title) return c["ItemTitleTooLong", ItemLimits.Title];
            if (text.Length > ItemLimits.Text) return c["ItemTextTooLong", ItemLimits.Text];
            if (title != item.Title || text != item.Text) (item.SubmittedTitle, item.SubmittedText, item.Title, item.Text) = (item.Title, item.Text, title, text);
        }
        (item.State, item.EditorNote, item.DecidedAt) = (decision switch
        {
            ItemDecision.Accept => ItemState.Accepted,
            ItemDecision.Return => ItemState.Returned,
            _ => ItemState.Declined,
        }, decision == ItemDecision.Accept ? null : note, now);
        item.Revision++;
        if (decision != ItemDecision.Accept) await MailAuthorAsync(item, decision, note!, cancellationToken);
        audit.Record("newsletter-item." + decision.ToString().ToLowerInvariant(), "newsletter-item:" + item.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return c["ItemChangedMeanwhile"];
        }
        return null;
    }

    private async Task MailAuthorAsync(NewsletterItem item, ItemDecision decision, string note, CancellationToken cancellationToken)
    {
        if (await db.Users.AsNoTracking().Where(u => u.Id == item.AuthorId).Select(u => new { u.Email, u.PreferredLanguage })
                .SingleOrDefaultAsync(cancellationToken) is not { Email: { } email } author) return;
        using var _ = Languages.Use(author.PreferredLanguage);
        var subject = c[decision == ItemDecision.Return ? "MailItemReturnedSubject" : "MailItemDeclinedSubject", item.Title].Value;
        var (plain, html) = SimpleMail.Compose(subject,
            [c[decision == ItemDecision.Return ? "MailItemReturnedBody" : "MailItemDeclinedBody", item.Title].Value, note],
            [(c["MailItemOpen"].Value, $"{platform.Value.BaseUrl.TrimEnd('/')}/newsletter/items?culture={Languages.Current}")], c["MailSignature"]);
        outbox.Enqueue(email, subject, plain, html, userId: item.AuthorId);
    }
}
