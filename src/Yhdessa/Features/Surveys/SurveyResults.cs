using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Surveys.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Surveys;

public sealed record Bar(string Label, int Count);
public sealed record TopicCount(string Topic, int Count);

public sealed record QuestionSummary(SurveyQuestion Question, int Answered, IReadOnlyList<Bar> Bars, double? Mean,
    IReadOnlyList<string> Comments, IReadOnlyList<TopicCount> Topics);

public sealed record SurveySummary(Survey Survey, int Invited, int Responses, double? ResponseRate,
    IReadOnlyList<string> NotAnswered, IReadOnlyList<QuestionSummary> Questions);

/// <summary>The mean of one rating question in each compared survey (null where the survey lacks it or has no answers).</summary>
public sealed record ComparisonRow(string Question, IReadOnlyList<double?> Means);
public sealed record Comparison(IReadOnlyList<Survey> Surveys, IReadOnlyList<ComparisonRow> Rows);

/// <summary>What the answers add up to. Never shows one response as such: figures, comments and topics are
/// shown per question, so they cannot be put together into one person's answers.</summary>
public sealed class SurveyResults(YhdessaDb db, SurveyService surveys)
{
    public async Task<SurveySummary?> SummaryAsync(int surveyId, string language, CancellationToken cancellationToken = default)
    {
        var survey = await surveys.FindAsync(surveyId, cancellationToken);
        if (survey is null) return null;
        var invitations = await db.SurveyInvitations.AsNoTracking().Where(i => i.SurveyId == surveyId)
            .Select(i => new { i.Name, i.Email, i.AnsweredOn }).ToListAsync(cancellationToken);
        var responses = await db.SurveyResponses.CountAsync(r => r.SurveyId == surveyId, cancellationToken);
        var questionIds = survey.Questions.Select(q => q.Id).ToList();
        var answers = await db.SurveyAnswers.AsNoTracking().Where(a => questionIds.Contains(a.QuestionId)).ToListAsync(cancellationToken);
        var topics = await db.WishedTopics.AsNoTracking().Where(t => t.SurveyId == surveyId).ToListAsync(cancellationToken);

        var questions = survey.Questions.OrderBy(q => q.Position).Select(question =>
        {
            var own = answers.Where(a => a.QuestionId == question.Id).ToList();
            switch (question.Kind)
            {
                case QuestionKind.Rating:
                    var ratings = own.Where(a => a.Rating is not null).Select(a => a.Rating!.Value).ToList();
                    var bars = Enumerable.Range(1, 5).Select(n => new Bar(n.ToString(CultureInfo.InvariantCulture), ratings.Count(r => r == n))).ToList();
                    return new QuestionSummary(question, ratings.Count, bars, ratings.Count > 0 ? ratings.Average() : null, [], []);
                case QuestionKind.SingleChoice:
                case QuestionKind.MultipleChoice:
                    var chosen = own.SelectMany(a => a.ChosenOptions()).ToList();
                    var options = question.Options(language);
                    return new QuestionSummary(question, own.Count,
                        options.Select((label, i) => new Bar(label, chosen.Count(c => c == i))).ToList(), null, [], []);
                case QuestionKind.FreeText:
                    // Sorted, not in the order given, so that comments of one person cannot be lined up across questions.
                    var comments = own.Select(a => a.Text!).Order(StringComparer.Create(CultureInfo.GetCultureInfo("fi-FI"), true)).ToList();
                    return new QuestionSummary(question, comments.Count, [], null, comments, []);
                case QuestionKind.Number:
                    var numbers = own.Where(a => a.Number is not null).Select(a => (double)a.Number!.Value).ToList();
                    return new QuestionSummary(question, numbers.Count, [], numbers.Count > 0 ? numbers.Average() : null, [], []);
                default:
                    var wished = topics.Where(t => t.QuestionId == question.Id).ToList();
                    var grouped = wished.GroupBy(t => t.Topic.Trim().ToLower(CultureInfo.GetCultureInfo("fi-FI")))
                        .Select(g => new TopicCount(g.First().Topic.Trim(), g.Count()))
                        .OrderByDescending(t => t.Count).ThenBy(t => t.Topic, StringComparer.Create(CultureInfo.GetCultureInfo("fi-FI"), true)).ToList();
                    return new QuestionSummary(question, wished.Select(t => t.ResponseId).Distinct().Count(), [], null, [], grouped);
            }
        }).ToList();

        var notAnswered = invitations.Where(i => i.AnsweredOn is null)
            .Select(i => string.IsNullOrWhiteSpace(i.Name) ? i.Email : i.Name)
            .Order(StringComparer.Create(CultureInfo.GetCultureInfo("fi-FI"), true)).ToList();
        return new SurveySummary(survey, invitations.Count, responses,
            invitations.Count > 0 ? (double)responses / invitations.Count : null, notAnswered, questions);
    }

    /// <summary>Surveys of the same series as this one, oldest first, for comparison over time.</summary>
    public Task<List<int>> SeriesAsync(Survey survey, CancellationToken cancellationToken = default) =>
        survey.Series is null
            ? Task.FromResult(new List<int> { survey.Id })
            : db.Surveys.Where(s => s.Series == survey.Series).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
                .Select(s => s.Id).ToListAsync(cancellationToken);

    /// <summary>The rating questions of the surveys side by side, matched by their Finnish text, surveys oldest first.</summary>
    public async Task<Comparison> CompareAsync(IEnumerable<int> surveyIds, string language = "fi", CancellationToken cancellationToken = default)
    {
        var ids = surveyIds.Distinct().ToList();
        var compared = await db.Surveys.AsNoTracking().Include(s => s.Questions).Where(s => ids.Contains(s.Id))
            .ToListAsync(cancellationToken);
        compared = compared.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToList();
        var ratingIds = compared.SelectMany(s => s.Questions).Where(q => q.Kind == QuestionKind.Rating).Select(q => q.Id).ToList();
        var means = (await db.SurveyAnswers.AsNoTracking().Where(a => ratingIds.Contains(a.QuestionId) && a.Rating != null)
                .Select(a => new { a.QuestionId, a.Rating }).ToListAsync(cancellationToken))
            .GroupBy(a => a.QuestionId).ToDictionary(g => g.Key, g => g.Average(a => (double)a.Rating!.Value));
        var rows = compared.SelectMany(s => s.Questions.Where(q => q.Kind == QuestionKind.Rating).OrderBy(q => q.Position))
            .GroupBy(q => q.TextFi.Trim())
            .Select(group => new ComparisonRow(group.First().Text(language), compared.Select(s =>
            {
                var question = s.Questions.FirstOrDefault(q => q.Kind == QuestionKind.Rating && q.TextFi.Trim() == group.Key);
                return question is not null && means.TryGetValue(question.Id, out var mean) ? mean : (double?)null;
            }).ToList())).ToList();
        return new Comparison(compared, rows);
    }

    /// <summary>The summary as CSV for a spreadsheet: UTF-8 with BOM, semicolons, Finnish decimal comma,
    /// and cells that a spreadsheet would run as a formula made harmless.</summary>
    public static byte[] Csv(SurveySummary summary, string language, Func<string, string> text)
    {
        var culture = CultureInfo.GetCultureInfo("fi-FI");
        var lines = new List<string[]>
        {
            new[] { text("CsvSurvey"), summary.Survey.Title(language), "" },
            new[] { text("CsvInvited"), summary.Invited.ToString(culture), "" },
            new[] { text("CsvResponses"), summary.Responses.ToString(culture), "" },
            new[] { text("CsvQuestion"), text("CsvAnswer"), text("CsvCount") },
        };
        foreach (var q in summary.Questions)
        {
            var question = q.Question.Text(language);
            lines.AddRange(q.Bars.Select(b => new[] { question, b.Label, b.Count.ToString(culture) }));
            if (q.Mean is { } mean) lines.Add([question, text("CsvMean"), mean.ToString("0.00", culture)]);
            lines.AddRange(q.Comments.Select(c => new[] { question, c, "" }));
            lines.AddRange(q.Topics.Select(t => new[] { question, t.Topic, t.Count.ToString(culture) }));
        }
        var csv = new StringBuilder();
        foreach (var line in lines) csv.Append(string.Join(';', line.Select(Cell))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>A cell starting with = + - @ (or a tab or carriage return) is prefixed with ' so that it stays text.</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
