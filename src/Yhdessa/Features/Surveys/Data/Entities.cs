namespace Yhdessa.Features.Surveys.Data;

public enum SurveyStatus { Draft, Open, Closed }

/// <summary>A number question takes a decimal (a count, euros, hours), e.g. for a project's indicators.</summary>
public enum QuestionKind { Rating, SingleChoice, MultipleChoice, FreeText, Topics, Number }

/// <summary>A survey attached to whatever owns it (an event, an evaluation, the annual network survey) by a plain
/// reference: the engine knows nothing of its owners, so any feature can use it without a foreign key.</summary>
public sealed class Survey
{
    public int Id { get; set; }
    /// <summary>The kind of the owner, e.g. "event".</summary>
    public string OwnerKind { get; set; } = "";
    public string OwnerId { get; set; } = "";
    /// <summary>Surveys of one series (e.g. every session of one event series) are compared side by side.</summary>
    public string? Series { get; set; }
    public string TitleFi { get; set; } = "";
    public string? TitleSv { get; set; }
    public string? TitleEn { get; set; }
    public string? IntroFi { get; set; }
    public string? IntroSv { get; set; }
    public string? IntroEn { get; set; }
    public SurveyStatus Status { get; set; }
    /// <summary>The last day answers are taken (Helsinki time); none means open until closed by hand.</summary>
    public DateOnly? ClosesOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<SurveyQuestion> Questions { get; set; } = [];

    public string Title(string language) => Localised(language, TitleFi, TitleSv, TitleEn)!;
    public string? Intro(string language) => Localised(language, IntroFi, IntroSv, IntroEn);

    /// <summary>The text in the language asked for, falling back to Finnish, which is always there.</summary>
    public static string? Localised(string language, string? fi, string? sv, string? en) => language switch
    {
        "sv" when !string.IsNullOrWhiteSpace(sv) => sv,
        "en" when !string.IsNullOrWhiteSpace(en) => en,
        _ => fi,
    };
}

public sealed class SurveyQuestion
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int Position { get; set; }
    public QuestionKind Kind { get; set; }
    public bool Required { get; set; }
    /// <summary>A free-text question whose answers the needs' triagers read as possible needs of the field, such as
    /// event feedback's "what should be developed?". Answers to a topics question are always read so.</summary>
    public bool ReadForNeeds { get; set; }
    /// <summary>The owning feature's own reference for the question (e.g. "indicator:12"), so that it can use the
    /// answers; the engine only keeps it.</summary>
    public string? Key { get; set; }
    public string TextFi { get; set; } = "";
    public string? TextSv { get; set; }
    public string? TextEn { get; set; }
    /// <summary>Rating: the labels of 1 and 5 (e.g. "poor" … "excellent").</summary>
    public string? LowLabelFi { get; set; }
    public string? LowLabelSv { get; set; }
    public string? LowLabelEn { get; set; }
    public string? HighLabelFi { get; set; }
    public string? HighLabelSv { get; set; }
    public string? HighLabelEn { get; set; }
    /// <summary>Choices: one option a line, the same options in the same order in each language.
    /// An answer stores the option's number, so the languages share one distribution.</summary>
    public string? OptionsFi { get; set; }
    public string? OptionsSv { get; set; }
    public string? OptionsEn { get; set; }

    public string Text(string language) => Survey.Localised(language, TextFi, TextSv, TextEn)!;
    public string? LowLabel(string language) => Survey.Localised(language, LowLabelFi, LowLabelSv, LowLabelEn);
    public string? HighLabel(string language) => Survey.Localised(language, HighLabelFi, HighLabelSv, HighLabelEn);

    public IReadOnlyList<string> Options(string language)
    {
        var finnish = Lines(OptionsFi);
        var own = Lines(Survey.Localised(language, OptionsFi, OptionsSv, OptionsEn));
        // A translation with a different number of options would mislabel answers: Finnish is then used.
        return own.Count == finnish.Count ? own : finnish;
    }

    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>One invited person's single use of a survey. The token is stored only as a hash. Whether the person
/// answered is kept here; what they answered is in <see cref="SurveyResponse"/>, with nothing linking the two.</summary>
public sealed class SurveyInvitation
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public string TokenHash { get; set; } = "";
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
    public string Language { get; set; } = "fi";
    public DateTimeOffset InvitedAt { get; set; }
    public DateTimeOffset? RemindedAt { get; set; }
    /// <summary>The day only: a finer time could be matched with the order of responses.</summary>
    public DateOnly? AnsweredOn { get; set; }
}

/// <summary>An anonymous response: a random id, the survey and the day. No person, no invitation, no time of day.</summary>
public sealed class SurveyResponse
{
    public Guid Id { get; set; }
    public int SurveyId { get; set; }
    public DateOnly SubmittedOn { get; set; }
    public List<SurveyAnswer> Answers { get; set; } = [];
    public List<WishedTopic> Topics { get; set; } = [];
}

/// <summary>The answer to one question. Multiple choice keeps its chosen option numbers as "0,2,3".</summary>
public sealed class SurveyAnswer
{
    public Guid ResponseId { get; set; }
    public int QuestionId { get; set; }
    public int? Rating { get; set; }
    public string? Choices { get; set; }
    public string? Text { get; set; }
    public decimal? Number { get; set; }

    public IEnumerable<int> ChosenOptions() =>
        (Choices ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse);
}

/// <summary>A topic someone wished for, one row each, so that it can later become a need of the network.</summary>
public sealed class WishedTopic
{
    public Guid Id { get; set; }
    public Guid ResponseId { get; set; }
    public int SurveyId { get; set; }
    public int QuestionId { get; set; }
    public string Topic { get; set; } = "";
}
