using System.Globalization;
using System.ServiceModel.Syndication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Needs.Answers;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Web;

namespace Yhdessa.Features.Needs.Api;

/// <summary>What a need answers with, in the API: the kind's key, the record's name and address.</summary>
public sealed record ApiNeedAnswer(string Kind, string Title, string Url);

/// <summary>A need as the API gives it. The raiser is named only when she chose to be; otherwise only her sector. Origin
/// says whether a member, a visitor without an account or event feedback brought the need.</summary>
public sealed record ApiNeed(int Id, string Title, string Kind, string State, string Origin, DateTimeOffset RaisedAt, DateTimeOffset? AnsweredAt,
    int Supports, string? RaisedBy, string? RaisedFromSector, IReadOnlyList<int> Themes, string Url);

public sealed record ApiNeedDetail(ApiNeed Need, string Description, string? DeclineReason, IReadOnlyList<ApiNeedAnswer> Answers);

public sealed record ApiSimilarNeed(int Id, string Title, string State, int Supports, string Url);

public sealed record ApiNeedList(int Total, int Page, int PageSize, IReadOnlyList<ApiNeed> Items);

/// <summary>The public JSON of needs and the Atom feed of new and answered needs.</summary>
public static class NeedsApi
{
    public static IEndpointRouteBuilder MapNeedsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/needs", async Task<Results<Ok<ApiNeedList>, ValidationProblem>> (NeedCatalogue needs,
                CancellationToken cancellationToken, string? kind, string? state, string? theme, string? sort, string? page, string? pageSize) =>
            {
                var query = new ApiQuery();
                var themeId = query.Number("theme", theme);
                var (pageNumber, size) = query.Paging(page, pageSize);
                NeedKind? kindValue = null;
                NeedState? stateValue = null;
                if (!string.IsNullOrWhiteSpace(kind))
                {
                    if (Enum.TryParse<NeedKind>(kind, ignoreCase: false, out var k)) kindValue = k;
                    else query.Refuse("kind", "Unknown kind. Use one of: " + string.Join(", ", Enum.GetNames<NeedKind>()));
                }
                if (!string.IsNullOrWhiteSpace(state))
                {
                    if (Enum.TryParse<NeedState>(state, ignoreCase: false, out var s) && s != NeedState.Merged) stateValue = s;
                    else query.Refuse("state", "Unknown state. Use one of: " + string.Join(", ", Enum.GetNames<NeedState>().Where(n => n != nameof(NeedState.Merged))));
                }
                if (sort is not null && sort is not ("supports" or "newest")) query.Refuse("sort", "sort is supports or newest.");
                if (!query.IsValid) return TypedResults.ValidationProblem(query.Errors);

                var found = await needs.SearchAsync(new NeedQuery(kindValue, stateValue, themeId, sort == "newest" ? NeedOrder.Newest : NeedOrder.Supports,
                    pageNumber, size), cancellationToken);
                var names = await needs.RaiserNamesAsync(found.Items, cancellationToken);
                return TypedResults.Ok(new ApiNeedList(found.Total, found.Page, found.PageSize, [.. found.Items.Select(n => ToApi(n, names))]));
            })
            .AllowAnonymous()
            .WithTags("Needs")
            .WithName("ListNeeds")
            .WithSummary("Public needs of the field (merged ones are left out). Filters: kind (Training, Development, WeakSignal), " +
                "state (New, UnderConsideration, Planned, InProgress, Answered, Declined), theme id; sort supports (default) or newest; " +
                "page (1–1000), pageSize (1–100, default 20). raisedBy is given only when the raiser chose to show her name.");

        app.MapGet("/api/v1/needs/{id:int}", async Task<Results<Ok<ApiNeedDetail>, NotFound, RedirectHttpResult>> (int id, NeedCatalogue needs,
                NeedAnswers answers, CancellationToken cancellationToken) =>
            {
                if (await needs.FindAsync(id, cancellationToken) is not { } need) return TypedResults.NotFound();
                if (need.State == NeedState.Merged && need.MergedIntoId is { } target) return TypedResults.Redirect($"/api/v1/needs/{target}", permanent: true);
                var names = await needs.RaiserNamesAsync([need], cancellationToken);
                var done = await answers.ForNeedAsync(id, cancellationToken);
                return TypedResults.Ok(new ApiNeedDetail(ToApi(need, names), need.Description, need.DeclineReason,
                    [.. done.Select(a => new ApiNeedAnswer(a.Kind, a.Target.Title, a.Target.Url))]));
            })
            .AllowAnonymous()
            .WithTags("Needs")
            .WithName("GetNeed")
            .WithSummary("One public need with what answered it (events, materials, groups…). A merged need redirects to the need it went into.");

        app.MapGet("/api/v1/needs/similar", async Task<Results<Ok<List<ApiSimilarNeed>>, ValidationProblem>> (NeedSimilarity similarity,
                CancellationToken cancellationToken, string? text) =>
            {
                if (text is { Length: > 500 }) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["text is at most 500 characters."] });
                var found = string.IsNullOrWhiteSpace(text) ? [] : await similarity.SimilarAsync(text, 5, cancellationToken);
                return TypedResults.Ok(found.Select(n => new ApiSimilarNeed(n.Id, n.Title, n.State.ToString(), n.Supports, $"/needs/{n.Id}")).ToList());
            })
            .AllowAnonymous()
            .WithTags("Needs")
            .RequireRateLimiting(NeedsSetup.SimilarRateLimit)
            .WithName("SimilarNeeds")
            .WithSummary("The five open or answered needs most like text (a title being written), by Finnish base forms and compound parts.");

        // The feed speaks the language it is asked in (?culture=sv), as the pages that link to it do; the needs are
        // in the words they were written in.
        app.MapGet("/needs/feed", async (NeedCatalogue needs, IStringLocalizer<NeedsText> n, IOptions<PlatformOptions> options,
            CancellationToken cancellationToken) =>
            {
                var baseUrl = options.Value.BaseUrl.TrimEnd('/');
                var language = Languages.Current;
                var culture = language == Languages.Finnish ? "" : "?culture=" + language;
                var latest = await needs.LatestAsync(50, cancellationToken);
                var feed = new SyndicationFeed(n["FeedTitle"], n["FeedSubtitle"], new Uri(baseUrl + "/needs" + culture),
                    baseUrl + "/needs/feed" + culture, latest.Count > 0 ? latest.Max(x => x.AnsweredAt ?? x.RaisedAt) : DateTimeOffset.UnixEpoch)
                {
                    Language = language,
                    Items = [.. latest.Select(x =>
                    {
                        var at = x.AnsweredAt ?? x.RaisedAt;
                        var title = x.AnsweredAt is null ? x.Title : n["FeedAnswered", x.Title].Value;
                        return new SyndicationItem(title, Platform.Text.SafeMarkdown.ToPlainText(x.Description), new Uri($"{baseUrl}/needs/{x.Id}{culture}"),
                            $"{baseUrl}/needs/{x.Id}#{(x.AnsweredAt is null ? "raised" : "answered")}", at) { PublishDate = at };
                    })],
                };
                return await AtomFeeds.AnswerAsync(feed, baseUrl);
            })
            .AllowAnonymous()
            .CacheOutput(PublicPages.Policy)
            .ExcludeFromDescription();
        return app;
    }

    private static ApiNeed ToApi(Need n, IReadOnlyDictionary<int, string> names) => new(
        n.Id, n.Title, n.Kind.ToString(), n.State.ToString(), n.Origin.ToString(), n.RaisedAt, n.AnsweredAt, n.SupportCount,
        names.GetValueOrDefault(n.Id), names.ContainsKey(n.Id) ? null : n.RaisedFromSector?.ToString(),
        [.. n.Themes.Select(t => t.ThemeId)], $"/needs/{n.Id}");
}
