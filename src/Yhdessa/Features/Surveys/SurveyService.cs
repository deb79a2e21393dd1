using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Surveys.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Surveys;

/// <summary>Creating and editing surveys. Other features create theirs with <see cref="CreateFromTemplateAsync"/>
/// and refer to them by id; the survey refers back only by the owner's kind and id.</summary>
public sealed class SurveyService(YhdessaDb db, TimeProvider clock)
{
    public Task<Survey?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Surveys.Include(s => s.Questions.OrderBy(q => q.Position)).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public Task<List<Survey>> ForOwnerAsync(string ownerKind, string ownerId, CancellationToken cancellationToken = default) =>
        db.Surveys.Where(s => s.OwnerKind == ownerKind && s.OwnerId == ownerId).OrderBy(s => s.Id).ToListAsync(cancellationToken);

    /// <summary>A new draft survey, a copy of the event feedback template, for the coordinator to edit.</summary>
    public async Task<Survey> CreateFromTemplateAsync(string ownerKind, string ownerId, string? series, string titleFi,
        string? titleSv = null, string? titleEn = null, CancellationToken cancellationToken = default)
    {
        var survey = new Survey
        {
            OwnerKind = ownerKind, OwnerId = ownerId, Series = series, TitleFi = titleFi, TitleSv = titleSv, TitleEn = titleEn,
            IntroFi = "Vastaa nimettömästi: vastauksiasi ei voi yhdistää sinuun.",
            IntroSv = "Svara anonymt: dina svar kan inte kopplas till dig.",
            IntroEn = "Answer anonymously: your answers cannot be traced to you.",
            Status = SurveyStatus.Draft, CreatedAt = clock.GetUtcNow(),
            Questions = EventFeedbackTemplate(),
        };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(cancellationToken);
        return survey;
    }

    /// <summary>The default "event feedback" questions.</summary>
    public static List<SurveyQuestion> EventFeedbackTemplate() =>
    [
        new()
        {
            Position = 1, Kind = QuestionKind.Rating, Required = true,
            TextFi = "Kokonaisarvio tilaisuudesta", TextSv = "Helhetsbedömning av evenemanget", TextEn = "Overall rating of the event",
            LowLabelFi = "Heikko", LowLabelSv = "Svag", LowLabelEn = "Poor",
            HighLabelFi = "Erinomainen", HighLabelSv = "Utmärkt", HighLabelEn = "Excellent",
        },
        new()
        {
            Position = 2, Kind = QuestionKind.Rating, Required = true,
            TextFi = "Hyöty omalle työlleni", TextSv = "Nytta för mitt eget arbete", TextEn = "Usefulness for my own work",
            LowLabelFi = "Ei lainkaan hyödyllinen", LowLabelSv = "Inte alls nyttigt", LowLabelEn = "Not useful at all",
            HighLabelFi = "Erittäin hyödyllinen", HighLabelSv = "Mycket nyttigt", HighLabelEn = "Very useful",
        },
        new()
        {
            Position = 3, Kind = QuestionKind.FreeText,
            TextFi = "Mikä toimi?", TextSv = "Vad fungerade?", TextEn = "What worked?",
        },
        new()
        {
            Position = 4, Kind = QuestionKind.FreeText, ReadForNeeds = true,
            TextFi = "Mitä pitäisi kehittää?", TextSv = "Vad borde utvecklas?", TextEn = "What should be developed?",
        },
        new()
        {
            Position = 5, Kind = QuestionKind.Topics,
            TextFi = "Mistä aiheista toivoisit seuraavaa tilaisuutta?", TextSv = "Vilka ämnen önskar du till nästa evenemang?",
            TextEn = "Which topics would you like for the next event?",
        },
    ];

    /// <summary>Questions can be changed only while no one has answered: otherwise answers would no longer
    /// match the question they answered.</summary>
    public Task<bool> HasResponsesAsync(int surveyId, CancellationToken cancellationToken = default) =>
        db.SurveyResponses.AnyAsync(r => r.SurveyId == surveyId, cancellationToken);

    public async Task<SurveyQuestion> AddQuestionAsync(Survey survey, QuestionKind kind, CancellationToken cancellationToken = default)
    {
        var question = new SurveyQuestion
        {
            SurveyId = survey.Id, Kind = kind, Position = survey.Questions.Select(q => q.Position).DefaultIfEmpty(0).Max() + 1,
            TextFi = "",
        };
        survey.Questions.Add(question);
        await db.SaveChangesAsync(cancellationToken);
        return question;
    }

    public async Task RemoveQuestionAsync(Survey survey, int questionId, CancellationToken cancellationToken = default)
    {
        var question = survey.Questions.FirstOrDefault(q => q.Id == questionId);
        if (question is null) return;
        survey.Questions.Remove(question);
        db.SurveyQuestions.Remove(question);
        Renumber(survey);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Moves a question one place up (-1) or down (+1).</summary>
    public async Task MoveQuestionAsync(Survey survey, int questionId, int step, CancellationToken cancellationToken = default)
    {
        var ordered = survey.Questions.OrderBy(q => q.Position).ToList();
        var index = ordered.FindIndex(q => q.Id == questionId);
        var target = index + step;
        if (index < 0 || target < 0 || target >= ordered.Count) return;
        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        for (var i = 0; i < ordered.Count; i++) ordered[i].Position = i + 1;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Renumber(Survey survey)
    {
        var position = 1;
        foreach (var question in survey.Questions.OrderBy(q => q.Position)) question.Position = position++;
    }

    /// <summary>Today in Helsinki: the closing day is a Finnish calendar day.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(HelsinkiTime.ToHelsinki(clock.GetUtcNow()).DateTime);

    public bool IsTakingAnswers(Survey survey) =>
        survey.Status == SurveyStatus.Open && (survey.ClosesOn is null || survey.ClosesOn >= Today());
}
