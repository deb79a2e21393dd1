using Yhdessa.Features.Surveys.Data;

namespace Yhdessa.Features.Surveys;

/// <summary>The questions of a form, as <c>_Questions.cshtml</c> shows them for answering, with what was sent before
/// (to show it again beside the errors). The anonymous answer page and features that take answers in their own name
/// (a project's work-monitoring reports) share it.</summary>
public sealed record QuestionsForm(IEnumerable<SurveyQuestion> Questions, string Language, IReadOnlyDictionary<string, string[]> Values)
{
    public string Value(SurveyQuestion question, int index = 0) =>
        Values.TryGetValue(SurveyAnswering.Field(question), out var given) && given.Length > index ? given[index] : "";

    public bool Chosen(SurveyQuestion question, string value) =>
        Values.TryGetValue(SurveyAnswering.Field(question), out var given) && given.Contains(value);

    /// <summary>The id of the n:th input of a question: the first is the field name itself, so the error summary links to it.</summary>
    public static string InputId(SurveyQuestion question, int index) =>
        index == 0 ? SurveyAnswering.Field(question) : $"{SurveyAnswering.Field(question)}-{index + 1}";
}
