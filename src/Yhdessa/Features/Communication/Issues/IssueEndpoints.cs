using System.ServiceModel.Syndication;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Web;

namespace Yhdessa.Features.Communication.Issues;

/// <summary>The email preview of a draft (coordinators) and the archive's Atom feed (everyone).</summary>
public static class IssueEndpoints
{
    public static IEndpointRouteBuilder MapIssueEndpoints(this IEndpointRouteBuilder app)
    {
        // The email exactly as a subscriber of that version gets it, but with the footer's links going to the subscription page.
        app.MapGet("/newsletter/issues/{id:int}/preview/{language}", async (int id, string language, NewsletterIssues issues,
                IStringLocalizer<CommunicationText> c, IOptions<PlatformOptions> platform, CancellationToken cancellationToken) =>
            {
                if (await issues.FindAsync(id, cancellationToken) is not { } issue || issue.Texts.All(t => t.Language != language)) return Results.NotFound();
                var mail = new IssueMail(issue, await issues.OrganisationsAsync(issue, cancellationToken), language, platform.Value.BaseUrl.TrimEnd('/'), c);
                return Results.Content(mail.For(null).Html, "text/html; charset=utf-8");
            })
            .RequireAuthorization(Policies.Coordinator)
            .ExcludeFromDescription();

        // One feed per language (?culture=sv): the issues written in it.
        app.MapGet("/newsletter/archive/feed", async (NewsletterIssues issues, IStringLocalizer<CommunicationText> c, IOptions<PlatformOptions> platform,
                CancellationToken cancellationToken) =>
            {
                var site = platform.Value.BaseUrl.TrimEnd('/');
                var language = Languages.Current;
                var suffix = language == Languages.Finnish ? "" : "?culture=" + language;
                var sent = (await issues.ArchiveAsync(cancellationToken)).Where(i => i.Texts.Any(t => t.Language == language)).Take(50).ToList();
                var feed = new SyndicationFeed(c["ArchiveFeedTitle"], c["ArchiveLead"], new Uri(site + "/newsletter/archive" + suffix),
                    site + "/newsletter/archive/feed" + suffix, sent.Count > 0 ? sent.Max(i => i.FinishedAt ?? i.UpdatedAt) : DateTimeOffset.UnixEpoch)
                {
                    Language = language,
                    Items = [.. sent.Select(issue =>
                    {
                        var text = issue.Texts.First(t => t.Language == language);
                        var url = $"{site}/newsletter/archive/{issue.Number}/{language}";
                        return new SyndicationItem(text.Subject, Yhdessa.Platform.Text.SafeMarkdown.ToPlainText(text.Editorial), new Uri(url), url,
                            issue.FinishedAt ?? issue.UpdatedAt) { PublishDate = issue.StartedAt ?? issue.UpdatedAt };
                    })],
                };
                return await AtomFeeds.AnswerAsync(feed, site);
            })
            .AllowAnonymous()
            .CacheOutput(PublicPages.Policy)
            .ExcludeFromDescription();
        return app;
    }
}
