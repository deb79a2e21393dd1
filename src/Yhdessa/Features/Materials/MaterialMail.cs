using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Platform;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Materials;

/// <summary>
/// The review loop's email: coordinators hear of a new proposal, and its author hears that it was published or
/// returned (with the coordinator's note). Each person gets the mail in her own language, with a link to the
/// material; queued in the caller's unit of work, so it goes only if the change is saved.
/// </summary>
public sealed class MaterialMail(YhdessaDb db, UserManager<User> users, EmailOutbox outbox, IStringLocalizer<MaterialsText> text,
    IOptions<PlatformOptions> options)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>To every coordinator but the one who sent it: a material waits for review.</summary>
    public async Task ProposedAsync(Material material, string? proposerId, CancellationToken cancellationToken)
    {
        var proposer = proposerId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == proposerId)
            .Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        foreach (var coordinator in await users.GetUsersInRoleAsync(Roles.Coordinator))
        {
            if (coordinator.Id == proposerId || coordinator.IsDisabled || coordinator.Email is null) continue;
            Send(coordinator, material, "MailProposedSubject", "MailProposedBody", proposer is { Length: > 0 } ? proposer : "–", null);
        }
    }

    /// <summary>To the author: her material is public now.</summary>
    public Task PublishedAsync(Material material, string? actingUserId, CancellationToken cancellationToken) =>
        ToAuthorAsync(material, actingUserId, "MailPublishedSubject", "MailPublishedBody", null, cancellationToken);

    /// <summary>To the author: her proposal came back, with what to change.</summary>
    public Task ReturnedAsync(Material material, string? actingUserId, CancellationToken cancellationToken) =>
        ToAuthorAsync(material, actingUserId, "MailReturnedSubject", "MailReturnedBody", material.ReviewNote, cancellationToken);

    private async Task ToAuthorAsync(Material material, string? actingUserId, string subjectKey, string bodyKey, string? note,
        CancellationToken cancellationToken)
    {
        // Nobody to tell when the account is gone, or when the author did it herself.
        if (material.CreatedById is not { } authorId || authorId == actingUserId) return;
        var author = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == authorId, cancellationToken);
        if (author is null || author.IsDisabled || author.Email is null) return;
        Send(author, material, subjectKey, bodyKey, "", note);
    }

    private void Send(User to, Material material, string subjectKey, string bodyKey, string proposer, string? note)
    {
        using var _ = Languages.Use(to.PreferredLanguage);
        var language = Languages.Current;
        var link = $"{options.Value.BaseUrl.TrimEnd('/')}/materials/{material.Slug}?culture={language}";
        var subject = text[subjectKey, material.Title].Value;
        var greeting = text["MailGreeting", to.DisplayName].Value;
        var body = text[bodyKey, material.Title, proposer].Value;
        var plain = new StringBuilder().Append(greeting).Append("\n\n").Append(body).Append("\n\n");
        var html = new StringBuilder().Append("<!DOCTYPE html><html lang=\"").Append(language)
            .Append("\"><head><meta charset=\"utf-8\"><title>").Append(Html.Encode(subject)).Append("</title></head><body>")
            .Append("<p>").Append(Html.Encode(greeting)).Append("</p><p>").Append(Html.Encode(body)).Append("</p>");
        if (!string.IsNullOrWhiteSpace(note))
        {
            plain.Append(text["ReviewNoteHeading"].Value).Append(":\n").Append(note).Append("\n\n");
            html.Append("<p>").Append(Html.Encode(text["ReviewNoteHeading"].Value)).Append(":</p><blockquote>")
                .Append(Html.Encode(note).Replace("\n", "<br>")).Append("</blockquote>");
        }
        plain.Append(link).Append("\n\n").Append(text["MailSignature"].Value).Append('\n');
        html.Append("<p><a href=\"").Append(Html.Encode(link)).Append("\">").Append(Html.Encode(text["MailOpenMaterial"].Value))
            .Append("</a></p><p>").Append(Html.Encode(text["MailSignature"].Value)).Append("</p></body></html>");
        outbox.Enqueue(to.Email!, subject, plain.ToString(), html.ToString(), userId: to.Id);
    }
}
