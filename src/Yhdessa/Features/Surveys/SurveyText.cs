namespace Yhdessa.Features.Surveys;

/// <summary>Marker for the survey texts (SurveyText.*.resx).</summary>
public sealed class SurveyText;
