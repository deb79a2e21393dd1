using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Platform;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Jobs;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Web;

namespace Yhdessa.Features.Needs;

public enum VisitorNeedResult { Sent, TooManyForAddress, TooManyWaiting }

/// <summary>
/// A visitor without an account raises a need: it is saved unconfirmed, seen by no one, and a one-time link is mailed
/// to her. Opening it and pressing the button makes the need public. Floods are stopped in the database, so on every
/// instance alike: one address may have <see cref="WaitingPerAddress"/> needs waiting for confirmation, and the whole
/// site <see cref="VisitorNeedOptions.WaitingAtMost"/> at a time (beside the rate limit per connection). Her address is
/// kept only to tell her what becomes of the need; <see cref="VisitorNeedRetention"/> deletes what is not needed.
/// </summary>
public sealed class VisitorNeeds(YhdessaDb db, NeedSimilarity similarity, NeedFollowers followers, EmailOutbox outbox,
    IOutputCacheStore cache, IStringLocalizer<NeedsText> text, IOptions<PlatformOptions> platform, IOptions<VisitorNeedOptions> options,
    TimeProvider clock)
{
    public const int WaitingPerAddress = 3;
    /// <summary>How long the confirmation link works; an unconfirmed need is deleted after it.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(48);

    public static string Normalise(string email) => email.Trim().ToLowerInvariant();

    public async Task<VisitorNeedResult> RaiseAsync(Need need, IReadOnlyCollection<int> themeIds, string email, CancellationToken cancellationToken)
    {
        email = Normalise(email);
        var now = clock.GetUtcNow();
        var waiting = db.NeedVisitors.Where(v => v.ConfirmTokenHash != null && v.ConfirmBy > now);
        if (await waiting.CountAsync(v => v.Email == email, cancellationToken) >= WaitingPerAddress) return VisitorNeedResult.TooManyForAddress;
        if (await waiting.CountAsync(cancellationToken) >= options.Value.WaitingAtMost) return VisitorNeedResult.TooManyWaiting;

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        need.Origin = NeedOrigin.Visitor;
        need.State = NeedState.New;
        need.RaisedById = null;
        need.RaiserNameShown = false;
        need.RaisedAt = need.UpdatedAt = now;
        need.ConfirmedAt = null;
        need.SearchTerms = similarity.TermsOf(need.Title, need.Description);
        need.Themes = [.. themeIds.Select(id => new NeedThemeLink { ThemeId = id })];
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Needs.Add(need);
        await db.SaveChangesAsync(cancellationToken);
        db.NeedVisitors.Add(new NeedVisitor
        {
            NeedId = need.Id, Email = email, Language = Languages.Current, ConfirmTokenHash = Hash(token), ConfirmBy = now + LinkLifetime,
            StopToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)), CreatedAt = now,
        });
        var link = $"{platform.Value.BaseUrl.TrimEnd('/')}/needs/confirm/{token}?culture={Languages.Current}";
        var subject = text["MailConfirmSubject"].Value;
        var (plain, html) = followers.Compose(subject,
            [text["MailGreetingVisitor"].Value, text["MailConfirmBody", need.Title].Value, text["MailConfirmNotYou"].Value],
            [(text["MailConfirmLink"].Value, link)]);
        outbox.Enqueue(email, subject, plain, html);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return VisitorNeedResult.Sent;
    }

    /// <summary>The need a confirmation link is for, while the link works.</summary>
    public async Task<Need?> WaitingAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        return await (from v in db.NeedVisitors
                      join n in db.Needs on v.NeedId equals n.Id
                      where v.ConfirmTokenHash == hash && v.ConfirmBy > now
                      select n).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Makes the need public; the link is used up. Returns the need, or null for an unknown, used or expired link.</summary>
    public async Task<int?> ConfirmAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var needId = await db.NeedVisitors.Where(v => v.ConfirmTokenHash == hash && v.ConfirmBy > now)
            .Select(v => (int?)v.NeedId).SingleOrDefaultAsync(cancellationToken);
        // Two presses at once: only the one whose update takes the secret away confirms.
        if (needId is null || await db.NeedVisitors.Where(v => v.NeedId == needId && v.ConfirmTokenHash == hash)
                .ExecuteUpdateAsync(v => v.SetProperty(x => x.ConfirmTokenHash, (string?)null), cancellationToken) == 0)
            return null;
        await db.Needs.Where(n => n.Id == needId)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.ConfirmedAt, now).SetProperty(x => x.RaisedAt, now).SetProperty(x => x.UpdatedAt, now),
                cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await cache.EvictByTagAsync(PublicPages.Tag, cancellationToken);
        return needId;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

public sealed class VisitorNeedOptions
{
    /// <summary>Visitors' needs waiting for confirmation on the whole site at most; more are refused until some are
    /// confirmed or expire, so that a flood from many addresses fills no mailboxes and no database.</summary>
    public int WaitingAtMost { get; set; } = 200;
    /// <summary>Visitors' submissions of the need form per connection address and hour (two each: the similar needs, then the save).</summary>
    public int PostsPerHour { get; set; } = 20;
}

/// <summary>
/// Deletes what visitors' needs keep no longer than needed: a need whose confirmation link expired, with its address;
/// and the address of a confirmed need 90 days after the need was closed (answered, declined or merged), when there
/// is nothing left to tell her.
/// </summary>
internal sealed class VisitorNeedRetention(YhdessaDb db, TimeProvider clock) : IRecurringJob
{
    public static readonly TimeSpan KeptAfterClosing = TimeSpan.FromDays(90);

    public static string Name => "need-visitors-retention";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Needs.Where(n => n.Origin == NeedOrigin.Visitor && n.ConfirmedAt == null
                && db.NeedVisitors.Any(v => v.NeedId == n.Id && v.ConfirmBy <= now))
            .ExecuteDeleteAsync(cancellationToken);
        var closedBefore = now - KeptAfterClosing;
        var closed = new[] { NeedState.Answered, NeedState.Declined, NeedState.Merged };
        await db.NeedVisitors.Where(v => v.ConfirmTokenHash == null
                && db.Needs.Any(n => n.Id == v.NeedId && closed.Contains(n.State) && n.UpdatedAt <= closedBefore))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
