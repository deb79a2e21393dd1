using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Communication.Issues.Data;
using Yhdessa.Features.Communication.Items.Data;
using Yhdessa.Features.Communication.Newsletter;
using Yhdessa.Features.Communication.Newsletter.Data;
using Yhdessa.Platform;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Jobs;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Communication.Issues;

/// <summary>The issue's texts in one language, as the form sends them.</summary>
public sealed record IssueTextInput(string Language, string? Subject, string? Editorial);

/// <summary>Who an issue reaches: active, deliverable subscribers by their language (and the version each language
/// gets), and by each of the issue's themes.</summary>
public sealed record IssueReach(IReadOnlyList<(string Language, int Subscribers, string? Version)> Languages,
    IReadOnlyList<(int ThemeId, int Subscribers)> Topics, int WithoutTopics, int Total, int Undeliverable);

/// <summary>
/// Composing and starting issues: the coordinator's texts, the entries and their order, the reach, a test to herself,
/// scheduling, and the start, which makes one delivery row per recipient in the same transaction as the state change.
/// </summary>
public sealed class NewsletterIssues(YhdessaDb db, EmailOutbox outbox, AuditLog audit, JobRequests jobs, IStringLocalizer<CommunicationText> c,
    IOptions<NewsletterOptions> options, IOptions<PlatformOptions> platform, TimeProvider clock)
{
    private string Site => platform.Value.BaseUrl.TrimEnd('/');

    public Task<NewsletterIssue?> FindAsync(int id, CancellationToken cancellationToken) => WithParts(db.NewsletterIssues)
        .FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public Task<NewsletterIssue?> SentAsync(int number, CancellationToken cancellationToken) => WithParts(db.NewsletterIssues.AsNoTracking())
        .FirstOrDefaultAsync(i => i.Number == number && i.State == IssueState.Sent, cancellationToken);

    public Task<List<NewsletterIssue>> ArchiveAsync(CancellationToken cancellationToken) => db.NewsletterIssues.AsNoTracking()
        .Include(i => i.Texts).Where(i => i.State == IssueState.Sent).OrderByDescending(i => i.Number).ToListAsync(cancellationToken);

    public Task<List<NewsletterIssue>> AllAsync(CancellationToken cancellationToken) => db.NewsletterIssues.AsNoTracking()
        .Include(i => i.Texts).OrderByDescending(i => i.Number == null).ThenByDescending(i => i.Number).ThenByDescending(i => i.Id)
        .ToListAsync(cancellationToken);

    private static IQueryable<NewsletterIssue> WithParts(IQueryable<NewsletterIssue> issues) => issues
        .Include(i => i.Texts).Include(i => i.Entries).Include(i => i.Themes).Include(i => i.Choices).AsSplitQuery();

    /// <summary>The names of the organisations credited in the issue.</summary>
    public async Task<Dictionary<int, string>> OrganisationsAsync(NewsletterIssue issue, CancellationToken cancellationToken)
    {
        var ids = issue.Entries.Select(e => e.OrganisationId).OfType<int>().Distinct().ToList();
        return await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }

    public async Task<NewsletterIssue> CreateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var issue = new NewsletterIssue { State = IssueState.Draft, CreatedAt = now, UpdatedAt = now };
        db.NewsletterIssues.Add(issue);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("newsletter.issue.create", "newsletter-issue", issue.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return issue;
    }

    /// <summary>Saves the subject and editorial per language (a language left empty is not written), the themes, and the
    /// choices for the languages not written. Returns the problems by field, or none.</summary>
    public async Task<Dictionary<string, string>> SaveAsync(NewsletterIssue issue, int revision, IReadOnlyList<IssueTextInput> texts,
        IReadOnlyCollection<int> themeIds, IReadOnlyDictionary<string, string?> choices, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>();
        if (issue.State is not (IssueState.Draft or IssueState.Scheduled)) { problems[""] = c["IssueNotEditable"]; return problems; }
        if (revision != issue.Revision) { problems[""] = c["IssueChangedMeanwhile"]; return problems; }
        var written = new List<IssueText>();
        foreach (var input in texts.Where(t => Languages.All.Contains(t.Language)))
        {
            var subject = input.Subject?.Trim() ?? "";
            var editorial = input.Editorial?.Trim() ?? "";
            if (subject.Length == 0 && editorial.Length == 0) continue;
            if (subject.Length == 0) problems[$"Subject_{input.Language}"] = c["IssueSubjectRequired", c["Language_" + input.Language]];
            else if (subject.Length > IssueLimits.Subject) problems[$"Subject_{input.Language}"] = c["IssueSubjectTooLong", IssueLimits.Subject];
            if (InputRules.HasInvisibleControl(subject)) problems[$"Subject_{input.Language}"] = c["ItemInvisibleCharacters"];
            if (editorial.Length > IssueLimits.Editorial) problems[$"Editorial_{input.Language}"] = c["IssueEditorialTooLong", IssueLimits.Editorial];
            written.Add(new IssueText { IssueId = issue.Id, Language = input.Language, Subject = subject, Editorial = editorial });
        }
        if (written.Count == 0 && problems.Count == 0) problems["Subject_fi"] = c["IssueNeedsOneLanguage"];
        var knownThemes = await db.EventThemes.Where(t => themeIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken);
        if (knownThemes.Count != themeIds.Distinct().Count()) problems["Themes"] = c["NewsUnknownTheme"];
        foreach (var (language, choice) in choices)
            if (!Languages.All.Contains(language) || (choice is { Length: > 0 } && !Languages.All.Contains(choice)))
                problems[$"Choice_{language}"] = c["IssueChoiceUnknown"];
        if (problems.Count > 0) return problems;

        db.IssueTexts.RemoveRange(issue.Texts);
        issue.Texts = written;
        db.IssueThemes.RemoveRange(issue.Themes);
        issue.Themes = [.. knownThemes.Select(t => new IssueTheme { IssueId = issue.Id, ThemeId = t })];
        db.IssueLanguageChoices.RemoveRange(issue.Choices);
        issue.Choices = [.. choices.Where(c => c.Value is not null && written.All(w => w.Language != c.Key))
            .Select(c => new IssueLanguageChoice { IssueId = issue.Id, SubscriberLanguage = c.Key, SendIn = c.Value! })];
        Touch(issue);
        audit.Record("newsletter.issue.save", "newsletter-issue", issue.Id.ToString());
        try { await db.SaveChangesAsync(cancellationToken); }
        catch (DbUpdateConcurrencyException) { problems[""] = c["IssueChangedMeanwhile"]; }
        return problems;
    }

    /// <summary>Adds a member's accepted item at the end, copied as it is now, credited to her organisation.</summary>
    public async Task<string?> AddItemAsync(NewsletterIssue issue, int itemId, CancellationToken cancellationToken)
    {
        if (issue.State is not (IssueState.Draft or IssueState.Scheduled)) return c["IssueNotEditable"];
        if (issue.Entries.Count >= IssueLimits.Entries) return c["IssueTooManyEntries", IssueLimits.Entries];
        var item = await db.NewsletterItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.State == ItemState.Accepted, cancellationToken);
        if (item is null) return c["IssueItemNotAccepted"];
        if (issue.Entries.Any(e => e.ItemId == itemId)) return c["IssueItemAlreadyIn"];
        issue.Entries.Add(new IssueEntry
        {
            IssueId = issue.Id, Position = NextPosition(issue), ItemId = item.Id, Language = item.Language, Title = item.Title, Text = item.Text,
            Link = item.Link, OrganisationId = item.OrganisationId, ImageId = item.ImageId, ImageAlt = item.ImageAlt,
        });
        Touch(issue);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Adds the coordinator's own text at the end. Returns the problems by field, or none.</summary>
    public async Task<Dictionary<string, string>> AddTextAsync(NewsletterIssue issue, string language, string? title, string? text, string? link,
        CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>();
        if (issue.State is not (IssueState.Draft or IssueState.Scheduled)) { problems[""] = c["IssueNotEditable"]; return problems; }
        if (issue.Entries.Count >= IssueLimits.Entries) { problems[""] = c["IssueTooManyEntries", IssueLimits.Entries]; return problems; }
        var cleanTitle = title?.Trim() ?? "";
        var cleanText = text?.Trim() ?? "";
        var cleanLink = link?.Trim() ?? "";
        if (!Languages.All.Contains(language)) problems["EntryLanguage"] = c["IssueChoiceUnknown"];
        if (cleanTitle.Length == 0) problems["EntryTitle"] = c["ItemTitleRequired"];
        else if (cleanTitle.Length > ItemLimits.Title) problems["EntryTitle"] = c["ItemTitleTooLong", ItemLimits.Title];
        if (cleanText.Length == 0) problems["EntryText"] = c["ItemTextRequired"];
        else if (cleanText.Length > ItemLimits.Text) problems["EntryText"] = c["ItemTextTooLong", ItemLimits.Text];
        if (cleanLink.Length > 0 && (cleanLink.Length > ItemLimits.Link || !TextInput.IsWebAddress(cleanLink))) problems["EntryLink"] = c["ItemLinkInvalid"];
        if (InputRules.HasInvisibleControl(cleanTitle)) problems["EntryTitle"] = c["ItemInvisibleCharacters"];
        if (problems.Count > 0) return problems;
        issue.Entries.Add(new IssueEntry
        {
            IssueId = issue.Id, Position = NextPosition(issue), Language = language, Title = cleanTitle, Text = cleanText,
            Link = cleanLink.Length > 0 ? cleanLink : null,
        });
        Touch(issue);
        await db.SaveChangesAsync(cancellationToken);
        return problems;
    }

    /// <summary>Moves an entry one place up (-1) or down (+1).</summary>
    public async Task MoveAsync(NewsletterIssue issue, int entryId, int step, CancellationToken cancellationToken)
    {
        if (issue.State is not (IssueState.Draft or IssueState.Scheduled)) return;
        var ordered = issue.Entries.OrderBy(e => e.Position).ToList();
        var index = ordered.FindIndex(e => e.Id == entryId);
        var other = index + Math.Sign(step);
        if (index < 0 || other < 0 || other >= ordered.Count) return;
        (ordered[index], ordered[other]) = (ordered[other], ordered[index]);
        for (var i = 0; i < ordered.Count; i++) ordered[i].Position = i + 1;
        Touch(issue);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveAsync(NewsletterIssue issue, int entryId, CancellationToken cancellationToken)
    {
        if (issue.State is not (IssueState.Draft or IssueState.Scheduled)) return;
        if (issue.Entries.FirstOrDefault(e => e.Id == entryId) is not { } entry) return;
        issue.Entries.Remove(entry);
        db.IssueEntries.Remove(entry);
        Touch(issue);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A draft that was never sent can be deleted; its accepted items go back to waiting for an issue.</summary>
    public async Task<bool> DeleteAsync(NewsletterIssue issue, CancellationToken cancellationToken)
    {
        if (issue.State is not (IssueState.Draft or IssueState.Scheduled)) return false;
        db.NewsletterIssues.Remove(issue);
        audit.Record("newsletter.issue.delete", "newsletter-issue", issue.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static int NextPosition(NewsletterIssue issue) => issue.Entries.Count == 0 ? 1 : issue.Entries.Max(e => e.Position) + 1;

    private void Touch(NewsletterIssue issue)
    {
        issue.UpdatedAt = clock.GetUtcNow();
        issue.Revision++;
    }

    /// <summary>Accepted items not yet in any issue: what the coordinator composes from.</summary>
    public Task<List<NewsletterItem>> ItemsToComposeAsync(CancellationToken cancellationToken) => db.NewsletterItems.AsNoTracking()
        .Where(i => i.State == ItemState.Accepted && !db.IssueEntries.Any(e => e.ItemId == i.Id))
        .OrderBy(i => i.DecidedAt).ToListAsync(cancellationToken);

    private int UndeliverableAfter => Math.Max(1, options.Value.UndeliverableAfter);

    /// <summary>The subscribers the issue goes to, before the languages are applied: active, deliverable, and (when the issue
    /// has themes) interested in one of them or in everything.</summary>
    private IQueryable<Subscription> Audience(NewsletterIssue issue)
    {
        var themeIds = issue.Themes.Select(t => t.ThemeId).ToList();
        var limit = UndeliverableAfter;
        var audience = db.Subscriptions.AsNoTracking().Where(s => s.State == SubscriptionState.Active && s.Refusals < limit);
        return themeIds.Count == 0 ? audience : audience.Where(s => !s.Topics.Any() || s.Topics.Any(t => themeIds.Contains(t.ThemeId)));
    }

    public async Task<IssueReach> ReachAsync(NewsletterIssue issue, CancellationToken cancellationToken)
    {
        var audience = Audience(issue);
        var byLanguage = await audience.GroupBy(s => s.Language).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var languages = Languages.All.Select(l => (l, byLanguage.FirstOrDefault(g => g.Key == l)?.Count ?? 0, issue.VersionFor(l))).ToList();
        var themeIds = issue.Themes.Select(t => t.ThemeId).ToList();
        var topics = new List<(int, int)>();
        foreach (var theme in themeIds)
            topics.Add((theme, await audience.CountAsync(s => s.Topics.Any(t => t.ThemeId == theme), cancellationToken)));
        var withoutTopics = await audience.CountAsync(s => !s.Topics.Any(), cancellationToken);
        var limit = UndeliverableAfter;
        var undeliverable = await db.Subscriptions.CountAsync(s => s.State == SubscriptionState.Active && s.Refusals >= limit, cancellationToken);
        return new IssueReach(languages, topics, withoutTopics, languages.Where(l => l.Item3 is not null).Sum(l => l.Item2), undeliverable);
    }

    /// <summary>Why the issue cannot be sent or scheduled yet, or null: it needs a text, an entry or an editorial, and a
    /// choice for every language it is not written in.</summary>
    public string? CannotSend(NewsletterIssue issue)
    {
        if (issue.State is not (IssueState.Draft or IssueState.Scheduled)) return c["IssueNotEditable"];
        if (!issue.Texts.Any()) return c["IssueNeedsOneLanguage"];
        if (issue.Entries.Count == 0 && issue.Texts.All(t => t.Editorial.Length == 0)) return c["IssueIsEmpty"];
        if (issue.LanguagesUndecided.ToList() is { Count: > 0 } undecided)
            return c["IssueLanguageUndecided", string.Join(", ", undecided.Select(l => c["Language_" + l].Value))];
        return null;
    }

    /// <summary>Sends the version in <paramref name="language"/> to the coordinator's own address, through the outbox.</summary>
    public async Task TestAsync(NewsletterIssue issue, string language, string email, string userId, CancellationToken cancellationToken)
    {
        var mail = new IssueMail(issue, await OrganisationsAsync(issue, cancellationToken), language, Site, c);
        var (html, plain) = mail.For(null);
        using (Languages.Use(language)) outbox.Enqueue(email, c["IssueTestSubjectPrefix"] + " " + mail.Subject, plain, html, userId: userId);
        audit.Record("newsletter.issue.test", "newsletter-issue", issue.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<string?> ScheduleAsync(NewsletterIssue issue, int revision, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        if (CannotSend(issue) is { } problem) return problem;
        if (revision != issue.Revision) return c["IssueChangedMeanwhile"];
        if (at is null || at <= clock.GetUtcNow()) return c["IssueScheduleInPast"];
        (issue.State, issue.ScheduledAt) = (IssueState.Scheduled, at);
        Touch(issue);
        audit.Record("newsletter.issue.schedule", "newsletter-issue", issue.Id.ToString());
        try { await db.SaveChangesAsync(cancellationToken); }
        catch (DbUpdateConcurrencyException) { return c["IssueChangedMeanwhile"]; }
        return null;
    }

    public async Task UnscheduleAsync(NewsletterIssue issue, CancellationToken cancellationToken)
    {
        if (issue.State != IssueState.Scheduled) return;
        (issue.State, issue.ScheduledAt) = (IssueState.Draft, null);
        Touch(issue);
        audit.Record("newsletter.issue.unschedule", "newsletter-issue", issue.Id.ToString());
        try { await db.SaveChangesAsync(cancellationToken); }
        catch (DbUpdateConcurrencyException) { }
    }

    /// <summary>Starts sending now: the state, the number and a delivery for every recipient in one transaction, so that an
    /// issue is either not started or started for everyone it reaches; the sender takes it from there.</summary>
    public async Task<string?> StartAsync(NewsletterIssue issue, int? revision, CancellationToken cancellationToken)
    {
        if (CannotSend(issue) is { } problem) return problem;
        if (revision is { } expected && expected != issue.Revision) return c["IssueChangedMeanwhile"];
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        issue.Number = (await db.NewsletterIssues.MaxAsync(i => i.Number, cancellationToken) ?? 0) + 1;
        (issue.State, issue.StartedAt) = (IssueState.Sending, now);
        Touch(issue);
        audit.Record("newsletter.issue.send", "newsletter-issue", issue.Id.ToString());
        try { await db.SaveChangesAsync(cancellationToken); }
        catch (DbUpdateException)
        {
            // Someone else saved it, or started another issue with the same number at the same moment.
            return c["IssueChangedMeanwhile"];
        }
        var version = Languages.All.ToDictionary(l => l, l => issue.VersionFor(l) ?? "");
        var hasThemes = issue.Themes.Count > 0 ? 1 : 0;
        var limit = UndeliverableAfter;
        // One statement, however many subscribers: the same audience as Audience(), with the version per language.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "NewsletterDeliveries" ("IssueId", "SubscriptionId", "Language", "State", "Attempts")
            SELECT {issue.Id}, s."Id", CASE s."Language" WHEN 'fi' THEN {version["fi"]} WHEN 'sv' THEN {version["sv"]} ELSE {version["en"]} END, 'Waiting', 0
            FROM "Subscriptions" AS s
            WHERE s."State" = 'Active' AND s."Refusals" < {limit}
              AND CASE s."Language" WHEN 'fi' THEN {version["fi"]} WHEN 'sv' THEN {version["sv"]} ELSE {version["en"]} END <> ''
              AND ({hasThemes} = 0
                OR NOT EXISTS (SELECT 1 FROM "SubscriptionTopics" AS t WHERE t."SubscriptionId" = s."Id")
                OR EXISTS (SELECT 1 FROM "SubscriptionTopics" AS t INNER JOIN "IssueThemes" AS i ON i."ThemeId" = t."ThemeId"
                           WHERE t."SubscriptionId" = s."Id" AND i."IssueId" = {issue.Id}))
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        jobs.RunSoon(IssueSending.Name);
        return null;
    }

    /// <summary>Sent, waiting, failed and skipped deliveries of an issue, and the estimated time left.</summary>
    public async Task<IssueProgress> ProgressAsync(NewsletterIssue issue, CancellationToken cancellationToken)
    {
        var counts = await db.NewsletterDeliveries.Where(d => d.IssueId == issue.Id).GroupBy(d => d.State)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(DeliveryState state) => counts.FirstOrDefault(x => x.Key == state)?.Count ?? 0;
        var (sent, waiting) = (Count(DeliveryState.Sent), Count(DeliveryState.Waiting));
        var rate = Math.Max(0.01, options.Value.MessagesPerSecond);
        var elapsed = issue.StartedAt is { } started ? (clock.GetUtcNow() - started).TotalSeconds : 0;
        // The rate seen so far once there is enough of it to go by, else the configured one.
        if (sent >= 20 && elapsed > 5) rate = Math.Min(rate, sent / elapsed);
        var left = waiting == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Ceiling(waiting / rate));
        return new IssueProgress(sent, waiting, Count(DeliveryState.Failed), Count(DeliveryState.Skipped), left);
    }

    /// <summary>Addresses the sender has stopped trying: shown to coordinators, who can let one be tried again.</summary>
    public Task<List<Subscription>> UndeliverableAsync(CancellationToken cancellationToken)
    {
        var limit = UndeliverableAfter;
        return db.Subscriptions.AsNoTracking().Where(s => s.State == SubscriptionState.Active && s.Refusals >= limit)
            .OrderBy(s => s.EmailKey).Take(500).ToListAsync(cancellationToken);
    }

    public async Task RetryAddressAsync(long subscriptionId, CancellationToken cancellationToken)
    {
        await db.Subscriptions.Where(s => s.Id == subscriptionId).ExecuteUpdateAsync(set => set.SetProperty(s => s.Refusals, 0), cancellationToken);
        audit.Record("newsletter.address.retry", "subscription", subscriptionId.ToString());
        await db.SaveChangesAsync(cancellationToken);
    }
}

public sealed record IssueProgress(int Sent, int Waiting, int Failed, int Skipped, TimeSpan Left)
{
    public int Total => Sent + Waiting + Failed + Skipped;
}
