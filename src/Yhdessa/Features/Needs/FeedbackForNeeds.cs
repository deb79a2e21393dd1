using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Feedback;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Features.Surveys.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Web;

namespace Yhdessa.Features.Needs;

/// <summary>One open answer of event feedback, as the triagers see it; never who gave it.</summary>
public sealed record FeedbackAnswerRow(FeedbackAnswerKind Kind, Guid AnswerId, int QuestionId, int SurveyId, int EventId, string EventTitle,
    DateOnly AnsweredOn, string Text, int? NeedId)
{
    /// <summary>The answer's key in a form: kind, answer and question.</summary>
    public string Key => $"{(Kind == FeedbackAnswerKind.WishedTopic ? "t" : "d")}:{AnswerId:N}:{QuestionId.ToString(CultureInfo.InvariantCulture)}";

    public static (FeedbackAnswerKind Kind, Guid AnswerId, int QuestionId)? ParseKey(string? key) =>
        key?.Split(':') is [var kind, var answer, var question] && (kind is "t" or "d")
            && Guid.TryParseExact(answer, "N", out var answerId) && int.TryParse(question, NumberStyles.None, CultureInfo.InvariantCulture, out var questionId)
            ? (kind == "t" ? FeedbackAnswerKind.WishedTopic : FeedbackAnswerKind.ToDevelop, answerId, questionId) : null;
}

public sealed record FeedbackFilter(int? SeriesId, EventType? Type, DateOnly? From, DateOnly? To, bool OnlyUnused, int Page, int PageSize);

public sealed record FeedbackAnswerPage(int Total, IReadOnlyList<FeedbackAnswerRow> Items);

/// <summary>Where a need came from in event feedback, as everyone may see it: the events and the days, no answers.</summary>
public sealed record FeedbackProvenance(int EventId, string EventTitle, DateOnly From, DateOnly To, int Answers);

public enum FeedbackNeedResult { Done, NoAnswers, AlreadyUsed, NeedNotFound }

/// <summary>
/// Event feedback becomes needs: the "topics wished for" and "what should be developed?" answers of every event's
/// feedback survey, for the triagers to read across events (by series, type and period) and to turn into a need, or
/// to add to one, in one step. The survey engine keeps no link from an answer to a person, and this keeps none either:
/// a need remembers the survey, the event, the day and the words.
/// </summary>
public sealed class FeedbackForNeeds(YhdessaDb db, NeedCatalogue needs, AuditLog audit, IOutputCacheStore cache)
{
    /// <summary>The events' feedback surveys that the filter takes, with their events.</summary>
    private async Task<Dictionary<int, Event>> SurveysAsync(FeedbackFilter filter, CancellationToken cancellationToken)
    {
        var events = db.Events.AsNoTracking();
        if (filter.SeriesId is { } series) events = events.Where(e => e.SeriesId == series);
        if (filter.Type is { } type) events = events.Where(e => e.Type == type);
        if (filter.From is { } from) events = events.Where(e => e.EndsAt >= Platform.Localization.HelsinkiTime.StartOfDay(from));
        if (filter.To is { } to) events = events.Where(e => e.StartsAt < Platform.Localization.HelsinkiTime.StartOfDay(to.AddDays(1)));
        // Surveys name their owner by a string; the events are few beside the answers, so they are matched here.
        var surveys = await db.Surveys.AsNoTracking().Where(s => s.OwnerKind == EventFeedback.OwnerKind)
            .Select(s => new { s.Id, s.OwnerId }).ToListAsync(cancellationToken);
        var byEvent = surveys.Where(s => int.TryParse(s.OwnerId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .ToLookup(s => int.Parse(s.OwnerId, CultureInfo.InvariantCulture), s => s.Id);
        var eventIds = byEvent.Select(g => g.Key).ToList();
        var matching = await events.Where(e => eventIds.Contains(e.Id)).ToListAsync(cancellationToken);
        return matching.SelectMany(e => byEvent[e.Id].Select(surveyId => (surveyId, e))).ToDictionary(x => x.surveyId, x => x.e);
    }

    public async Task<FeedbackAnswerPage> AnswersAsync(FeedbackFilter filter, CancellationToken cancellationToken)
    {
        var surveys = await SurveysAsync(filter, cancellationToken);
        var surveyIds = surveys.Keys.ToList();
        var topics = from t in db.WishedTopics
                     join r in db.SurveyResponses on t.ResponseId equals r.Id
                     where surveyIds.Contains(t.SurveyId)
                     let used = db.NeedFeedbackSources.Where(f => f.Kind == FeedbackAnswerKind.WishedTopic && f.AnswerId == t.Id && f.QuestionId == t.QuestionId)
                         .Select(f => (int?)f.NeedId).FirstOrDefault()
                     where !filter.OnlyUnused || used == null
                     select new { Kind = FeedbackAnswerKind.WishedTopic, AnswerId = t.Id, t.QuestionId, t.SurveyId, r.SubmittedOn, Text = t.Topic, Used = used };
        var texts = from a in db.SurveyAnswers
                    join q in db.SurveyQuestions on a.QuestionId equals q.Id
                    join r in db.SurveyResponses on a.ResponseId equals r.Id
                    where q.ReadForNeeds && surveyIds.Contains(q.SurveyId) && a.Text != null && a.Text != ""
                    let used = db.NeedFeedbackSources.Where(f => f.Kind == FeedbackAnswerKind.ToDevelop && f.AnswerId == a.ResponseId && f.QuestionId == a.QuestionId)
                        .Select(f => (int?)f.NeedId).FirstOrDefault()
                    where !filter.OnlyUnused || used == null
                    select new { Kind = FeedbackAnswerKind.ToDevelop, AnswerId = a.ResponseId, a.QuestionId, q.SurveyId, r.SubmittedOn, Text = a.Text!, Used = used };
        var total = await topics.CountAsync(cancellationToken) + await texts.CountAsync(cancellationToken);
        // Newest first across both kinds: each kind gives its newest up to the end of the page, and the two are merged.
        var upTo = filter.Page * filter.PageSize;
        var newest = (await topics.OrderByDescending(x => x.SubmittedOn).ThenBy(x => x.AnswerId).Take(upTo).ToListAsync(cancellationToken))
            .Concat(await texts.OrderByDescending(x => x.SubmittedOn).ThenBy(x => x.AnswerId).Take(upTo).ToListAsync(cancellationToken))
            .OrderByDescending(x => x.SubmittedOn).ThenBy(x => x.Kind).ThenBy(x => x.AnswerId)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize);
        return new FeedbackAnswerPage(total, [.. newest.Select(x => new FeedbackAnswerRow(x.Kind, x.AnswerId, x.QuestionId, x.SurveyId,
            surveys[x.SurveyId].Id, surveys[x.SurveyId].Title, x.SubmittedOn, x.Text, x.Used))]);
    }

    /// <summary>The chosen answers as they are stored, each checked to be an open answer of an event's feedback survey.</summary>
    private async Task<List<NeedFeedbackSource>> SourcesAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var chosen = keys.Select(FeedbackAnswerRow.ParseKey).OfType<(FeedbackAnswerKind Kind, Guid AnswerId, int QuestionId)>().Distinct().ToList();
        var surveys = await SurveysAsync(new FeedbackFilter(null, null, null, null, false, 1, 1), cancellationToken);
        var topicIds = chosen.Where(c => c.Kind == FeedbackAnswerKind.WishedTopic).Select(c => c.AnswerId).ToList();
        var responseIds = chosen.Where(c => c.Kind == FeedbackAnswerKind.ToDevelop).Select(c => c.AnswerId).ToList();
        var topics = await (from t in db.WishedTopics
                            join r in db.SurveyResponses on t.ResponseId equals r.Id
                            where topicIds.Contains(t.Id)
                            select new { t.Id, t.QuestionId, t.SurveyId, r.SubmittedOn, t.Topic }).ToListAsync(cancellationToken);
        var texts = await (from a in db.SurveyAnswers
                           join q in db.SurveyQuestions on a.QuestionId equals q.Id
                           join r in db.SurveyResponses on a.ResponseId equals r.Id
                           where responseIds.Contains(a.ResponseId) && q.ReadForNeeds && a.Text != null && a.Text != ""
                           select new { a.ResponseId, a.QuestionId, q.SurveyId, r.SubmittedOn, Text = a.Text! }).ToListAsync(cancellationToken);
        return
        [
            .. topics.Where(t => surveys.ContainsKey(t.SurveyId) && chosen.Contains((FeedbackAnswerKind.WishedTopic, t.Id, t.QuestionId)))
                .Select(t => new NeedFeedbackSource
                {
                    Kind = FeedbackAnswerKind.WishedTopic, AnswerId = t.Id, QuestionId = t.QuestionId, SurveyId = t.SurveyId,
                    EventId = surveys[t.SurveyId].Id, AnsweredOn = t.SubmittedOn, Text = t.Topic,
                }),
            .. texts.Where(t => surveys.ContainsKey(t.SurveyId) && chosen.Contains((FeedbackAnswerKind.ToDevelop, t.ResponseId, t.QuestionId)))
                .Select(t => new NeedFeedbackSource
                {
                    Kind = FeedbackAnswerKind.ToDevelop, AnswerId = t.ResponseId, QuestionId = t.QuestionId, SurveyId = t.SurveyId,
                    EventId = surveys[t.SurveyId].Id, AnsweredOn = t.SubmittedOn, Text = t.Text,
                }),
        ];
    }

    /// <summary>Makes a need of the chosen answers, public at once, with the answers behind it. Nothing is saved if an
    /// answer went into another need meanwhile.</summary>
    public async Task<(FeedbackNeedResult Result, int NeedId)> RaiseAsync(Need need, IReadOnlyCollection<int> themeIds, IEnumerable<string> keys,
        CancellationToken cancellationToken)
    {
        var sources = await SourcesAsync(keys, cancellationToken);
        if (sources.Count == 0) return (FeedbackNeedResult.NoAnswers, 0);
        need.Origin = NeedOrigin.Feedback;
        need.RaisedById = null;
        need.RaiserNameShown = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await needs.RaiseAsync(need, themeIds, cancellationToken);
            foreach (var source in sources) source.NeedId = need.Id;
            db.NeedFeedbackSources.AddRange(sources);
            audit.Record("need.raised-from-feedback", $"need:{need.Id}", $"{sources.Count} answers");
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return (FeedbackNeedResult.AlreadyUsed, 0);
        }
        await transaction.CommitAsync(cancellationToken);
        await cache.EvictByTagAsync(PublicPages.Tag, cancellationToken);
        return (FeedbackNeedResult.Done, need.Id);
    }

    /// <summary>Adds the chosen answers to a need that already says the same thing.</summary>
    public async Task<FeedbackNeedResult> AddToAsync(int needId, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        if (!await needs.Public().AnyAsync(n => n.Id == needId && n.State != NeedState.Merged, cancellationToken)) return FeedbackNeedResult.NeedNotFound;
        var sources = await SourcesAsync(keys, cancellationToken);
        if (sources.Count == 0) return FeedbackNeedResult.NoAnswers;
        foreach (var source in sources) source.NeedId = needId;
        db.NeedFeedbackSources.AddRange(sources);
        audit.Record("need.feedback-added", $"need:{needId}", $"{sources.Count} answers");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return FeedbackNeedResult.AlreadyUsed;
        }
        await cache.EvictByTagAsync(PublicPages.Tag, cancellationToken);
        return FeedbackNeedResult.Done;
    }

    /// <summary>The answers behind a need, for the triagers.</summary>
    public Task<List<NeedFeedbackSource>> BehindAsync(int needId, CancellationToken cancellationToken) =>
        db.NeedFeedbackSources.AsNoTracking().Where(f => f.NeedId == needId).OrderBy(f => f.AnsweredOn).ThenBy(f => f.Id).ToListAsync(cancellationToken);

    /// <summary>What everyone sees of a need's feedback: the events and the days, and how many answers.</summary>
    public async Task<List<FeedbackProvenance>> ProvenanceAsync(int needId, CancellationToken cancellationToken)
    {
        var sources = await db.NeedFeedbackSources.AsNoTracking().Where(f => f.NeedId == needId && f.EventId != null)
            .GroupBy(f => f.EventId!.Value)
            .Select(g => new { EventId = g.Key, From = g.Min(f => f.AnsweredOn), To = g.Max(f => f.AnsweredOn), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var ids = sources.Select(s => s.EventId).ToList();
        var titles = await db.Events.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Title, cancellationToken);
        return [.. sources.Where(s => titles.ContainsKey(s.EventId)).OrderBy(s => s.From)
            .Select(s => new FeedbackProvenance(s.EventId, titles[s.EventId], s.From, s.To, s.Count))];
    }

    /// <summary>How many feedback answers stand behind each of the needs.</summary>
    public async Task<Dictionary<int, int>> CountsAsync(IReadOnlyCollection<int> needIds, CancellationToken cancellationToken) =>
        await db.NeedFeedbackSources.AsNoTracking().Where(f => needIds.Contains(f.NeedId)).GroupBy(f => f.NeedId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
