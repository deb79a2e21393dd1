using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Platform;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Needs;

/// <summary>
/// Who hears of a need: its raiser and supporters follow it from the start, and any member may follow it. When its
/// state changes, each follower but the one who acted is mailed in her own language, with a link that stops these
/// mails without signing in. The mail is queued in the caller's unit of work, so it goes only if the change is saved.
/// </summary>
public sealed class NeedFollowers(YhdessaDb db, EmailOutbox outbox, IStringLocalizer<NeedsText> text, IOptions<PlatformOptions> options,
    TimeProvider clock)
{
    public Task<bool> IsFollowingAsync(int needId, string userId, CancellationToken cancellationToken) =>
        db.NeedFollowers.AnyAsync(f => f.NeedId == needId && f.UserId == userId, cancellationToken);

    public static NeedFollower New(int needId, string userId, DateTimeOffset at) => new()
    {
        NeedId = needId, UserId = userId, FollowedAt = at, StopToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant(),
    };

    /// <summary>Starts following; following twice is following once.</summary>
    public async Task FollowAsync(int needId, string userId, CancellationToken cancellationToken)
    {
        if (await IsFollowingAsync(needId, userId, cancellationToken)) return;
        db.NeedFollowers.Add(New(needId, userId, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear(); // the same press twice at once: the first one follows
        }
    }

    public Task<int> StopAsync(int needId, string userId, CancellationToken cancellationToken) =>
        db.NeedFollowers.Where(f => f.NeedId == needId && f.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The need whose mail a stop link stops: a follower's link, or the one in the mail of the visitor who raised it.</summary>
    public async Task<int?> NeedOfStopTokenAsync(string token, CancellationToken cancellationToken) =>
        await db.NeedFollowers.Where(f => f.StopToken == token).Select(f => (int?)f.NeedId).FirstOrDefaultAsync(cancellationToken)
        ?? await db.NeedVisitors.Where(v => v.StopToken == token).Select(v => (int?)v.NeedId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Stops the mail of a stop link. A visitor's address is kept only for this mail, so it goes with it.</summary>
    public async Task StopByTokenAsync(string token, CancellationToken cancellationToken)
    {
        await db.NeedFollowers.Where(f => f.StopToken == token).ExecuteDeleteAsync(cancellationToken);
        await db.NeedVisitors.Where(v => v.StopToken == token && v.ConfirmTokenHash == null).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>A merged need's followers follow the need it went into (those who did not already).</summary>
    public async Task MoveAsync(int from, int to, CancellationToken cancellationToken)
    {
        await db.NeedFollowers.Where(f => f.NeedId == from && !db.NeedFollowers.Any(t => t.NeedId == to && t.UserId == f.UserId))
            .ExecuteUpdateAsync(f => f.SetProperty(x => x.NeedId, to), cancellationToken);
        await db.NeedFollowers.Where(f => f.NeedId == from).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Tells every follower of <paramref name="needId"/> but <paramref name="actorId"/> of a change.</summary>
    public Task TellAsync(int needId, string title, NeedState state, string? note, int? mergedInto, string? actorId,
        CancellationToken cancellationToken) =>
        SendAsync(needId, mergedInto ?? needId, actorId, () => (text["MailChangedSubject", title].Value,
        [
            mergedInto is null ? text["MailChangedBody", title, text.StateName(state)].Value : text["MailMergedBody", title].Value,
            .. string.IsNullOrWhiteSpace(note) ? Array.Empty<string>() : [note.Trim()],
        ]), cancellationToken);

    /// <summary>Tells every follower of <paramref name="needId"/> that an event answering it took place.</summary>
    public Task TellEventHeldAsync(int needId, string title, Func<string> eventTitle, CancellationToken cancellationToken) =>
        SendAsync(needId, needId, null, () => (text["MailEventHeldSubject", title].Value, [text["MailEventHeldBody", title, eventTitle()].Value]),
            cancellationToken);

    /// <summary>One mail to each follower, and to the visitor who raised the need, built in her own language: the
    /// paragraphs, a link to the need and one that stops the mail.</summary>
    private async Task SendAsync(int needId, int linkedNeedId, string? actorId, Func<(string Subject, List<string> Paragraphs)> build,
        CancellationToken cancellationToken)
    {
        var recipients = await (from f in db.NeedFollowers
                                join u in db.Users on f.UserId equals u.Id
                                where f.NeedId == needId && f.UserId != actorId && !u.IsDisabled && u.Email != null
                                select new Recipient(u.Email!, u.DisplayName, u.PreferredLanguage, f.StopToken, u.Id))
            .AsNoTracking().ToListAsync(cancellationToken);
        recipients.AddRange(await db.NeedVisitors.AsNoTracking().Where(v => v.NeedId == needId && v.ConfirmTokenHash == null)
            .Select(v => new Recipient(v.Email, null, v.Language, v.StopToken, null)).ToListAsync(cancellationToken));
        var site = options.Value.BaseUrl.TrimEnd('/');
        foreach (var recipient in recipients)
        {
            using var _ = Languages.Use(recipient.Language);
            var language = Languages.Current;
            var (subject, paragraphs) = build();
            paragraphs.Insert(0, recipient.Name is { } name ? text["MailGreeting", name].Value : text["MailGreetingVisitor"].Value);
            var (plain, html) = Compose(subject, paragraphs,
            [
                (text["MailOpenNeed"].Value, $"{site}/needs/{linkedNeedId}?culture={language}"),
                (text["MailStop"].Value, $"{site}/needs/stop/{recipient.StopToken}?culture={language}"),
            ]);
            outbox.Enqueue(recipient.Email, subject, plain, html, userId: recipient.UserId);
        }
    }

    private sealed record Recipient(string Email, string? Name, string? Language, string StopToken, string? UserId);

    /// <summary>A need's mail in the current language, as plain text and as HTML, signed by the network.</summary>
    internal (string Plain, string Html) Compose(string subject, IEnumerable<string> paragraphs, IEnumerable<(string Text, string Url)> links) =>
        SimpleMail.Compose(subject, paragraphs, links, text["MailSignature"].Value);
}
