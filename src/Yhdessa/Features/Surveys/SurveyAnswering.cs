using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Surveys.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Surveys;

public enum TokenStatus { Valid, Unknown, Used, Closed }

/// <summary>One problem in a submitted answer: the form field, the text key and the question it concerns.</summary>
public sealed record AnswerError(string Field, string TextKey, SurveyQuestion Question);

/// <summary>Taking an answer with a one-time token. The token is consumed, then the response saved; the response
/// carries no trace of the token, the invitation or the person.</summary>
public sealed class SurveyAnswering(YhdessaDb db, SurveyService surveys)
{
    /// <summary>The form field of a question: <c>q{id}</c>.</summary>
    public static string Field(SurveyQuestion question) => "q" + question.Id;

    public async Task<(TokenStatus Status, Survey? Survey)> OpenAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = SurveyInvitations.Hash(token ?? "");
        var invitation = await db.SurveyInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null) return (TokenStatus.Unknown, null);
        var survey = await surveys.FindAsync(invitation.SurveyId, cancellationToken);
        if (survey is null) return (TokenStatus.Unknown, null);
        if (invitation.AnsweredOn is not null) return (TokenStatus.Used, survey);
        if (!surveys.IsTakingAnswers(survey)) return (TokenStatus.Closed, survey);
        return (TokenStatus.Valid, survey);
    }

    /// <summary>Checks the submitted form against the questions and builds the response, or lists what is wrong.</summary>
    public static (SurveyResponse Response, List<AnswerError> Errors) Read(Survey survey, IReadOnlyDictionary<string, string[]> form, DateOnly today)
    {
        var response = new SurveyResponse { Id = Guid.NewGuid(), SurveyId = survey.Id, SubmittedOn = today };
        var errors = new List<AnswerError>();
        foreach (var question in survey.Questions.OrderBy(q => q.Position))
        {
            var field = Field(question);
            var values = (form.TryGetValue(field, out var given) ? given : [])
                .Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).ToList();
            void Fail(string key) => errors.Add(new AnswerError(field, key, question));
            if (values.Count == 0)
            {
                if (question.Required) Fail("AnswerRequired");
                continue;
            }
            switch (question.Kind)
            {
                case QuestionKind.Rating:
                    if (values.Count != 1 || !int.TryParse(values[0], out var rating) || rating is < 1 or > 5) Fail("AnswerRatingRange");
                    else response.Answers.Add(new SurveyAnswer { QuestionId = question.Id, Rating = rating });
                    break;
                case QuestionKind.SingleChoice:
                case QuestionKind.MultipleChoice:
                    var count = question.Options("fi").Count;
                    var chosen = values.Select(v => int.TryParse(v, out var n) ? n : -1).Distinct().ToList();
                    if (chosen.Any(n => n < 0 || n >= count) || question.Kind == QuestionKind.SingleChoice && chosen.Count != 1)
                        Fail("AnswerUnknownOption");
                    else response.Answers.Add(new SurveyAnswer { QuestionId = question.Id, Choices = string.Join(",", chosen.Order()) });
                    break;
                case QuestionKind.FreeText:
                    if (values.Count != 1 || values[0].Length > SurveyLimits.Answer) Fail("AnswerTooLong");
                    else response.Answers.Add(new SurveyAnswer { QuestionId = question.Id, Text = values[0] });
                    break;
                case QuestionKind.Number:
                    if (values.Count != 1 || SurveyNumbers.Parse(values[0]) is not { } number) Fail("AnswerNumber");
                    else response.Answers.Add(new SurveyAnswer { QuestionId = question.Id, Number = number });
                    break;
                case QuestionKind.Topics:
                    if (values.Count > SurveyLimits.MaxTopics || values.Any(v => v.Length > SurveyLimits.Topic)) Fail("AnswerTopicTooLong");
                    else
                        foreach (var topic in values.Distinct(StringComparer.OrdinalIgnoreCase))
                            response.Topics.Add(new WishedTopic { Id = Guid.NewGuid(), SurveyId = survey.Id, QuestionId = question.Id, Topic = topic });
                    break;
            }
        }
        return (response, errors);
    }

    /// <summary>
    /// Saves an answer that its owner takes in its own name, without a token: the owning feature decides who may answer,
    /// knows who did, and keeps that itself (a project's work-monitoring report says which sub-project reported). Only
    /// <paramref name="asked"/> are read, e.g. the common questions and one sub-project's own. Returns the saved response,
    /// or the errors and nothing saved.
    /// </summary>
    public async Task<(SurveyResponse? Response, List<AnswerError> Errors)> SubmitOwnAsync(Survey survey, IReadOnlyCollection<SurveyQuestion> asked,
        IReadOnlyDictionary<string, string[]> form, CancellationToken cancellationToken = default)
    {
        var part = new Survey { Id = survey.Id, Questions = [.. asked] };
        var (response, errors) = Read(part, form, surveys.Today());
        if (errors.Count > 0) return (null, errors);
        db.SurveyResponses.Add(response);
        await db.SaveChangesAsync(cancellationToken);
        return (response, []);
    }

    /// <summary>Saves the answer if the token is still unused and the survey open. Returns the token's status
    /// and, for a valid token with bad input, the errors (nothing is then saved and the token stays unused).</summary>
    public async Task<(TokenStatus Status, List<AnswerError> Errors)> SubmitAsync(string token, IReadOnlyDictionary<string, string[]> form,
        CancellationToken cancellationToken = default)
    {
        var (status, survey) = await OpenAsync(token, cancellationToken);
        if (status != TokenStatus.Valid) return (status, []);
        var today = surveys.Today();
        var (response, errors) = Read(survey!, form, today);
        if (errors.Count > 0) return (status, errors);

        var hash = SurveyInvitations.Hash(token);
        // The conditional update is what makes the token single-use, even when two submissions race. It is saved
        // on its own, before the response and not in the same transaction: rows written by one transaction share
        // its id (PostgreSQL's xmin), which would tie the response to the invitation.
        var consumed = await db.SurveyInvitations.Where(i => i.TokenHash == hash && i.AnsweredOn == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.AnsweredOn, today), cancellationToken);
        if (consumed != 1) return (TokenStatus.Used, []);
        try
        {
            db.SurveyResponses.Add(response);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch
        {
            // The answer was not saved: give the token back so that the person can try again.
            await db.SurveyInvitations.Where(i => i.TokenHash == hash)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.AnsweredOn, (DateOnly?)null), CancellationToken.None);
            throw;
        }
        return (TokenStatus.Valid, []);
    }
}
