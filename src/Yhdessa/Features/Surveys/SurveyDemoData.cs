using Yhdessa.Features.Surveys.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Surveys;

/// <summary>Two feedback surveys of one demo series, answered by invented people, so that the results page and
/// the comparison over time have something to show (answers go through the same one-time links as real ones), and a
/// third still being prepared, whose questions a coordinator can edit.</summary>
public sealed class SurveyDemoData(YhdessaDb db, SurveyService surveys, ISurveyInvitations invitations, SurveyAnswering answering) : IDemoData
{
    public int Order => 30;

    private static readonly (int Overall, int Useful, string Worked, string Develop, string[] Topics)[][] Answers =
    [
        [
            (4, 5, "Pienryhmät toimivat hyvin.", "Enemmän aikaa keskustelulle.", ["Asunto ensin -malli", "Naisten asunnottomuus"]),
            (3, 3, "Hyvä tunnelma.", "Tauot olivat liian lyhyitä.", ["Asunto ensin -malli"]),
            (5, 4, "Kokemusasiantuntijan puheenvuoro.", "", ["Nuorten asunnottomuus"]),
        ],
        [
            (5, 5, "Selkeä ohjelma ja hyvät esimerkit.", "Etäosallistujat mukaan paremmin.", ["Naisten asunnottomuus", "Päihdetyö"]),
            (4, 4, "Verkostoituminen.", "", ["naisten asunnottomuus"]),
            (4, 5, "Käytännön työkalut.", "Materiaalit etukäteen.", []),
        ],
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; round < Answers.Length; round++)
        {
            var survey = await surveys.CreateFromTemplateAsync(NetworkSurveys.Key, $"verkostopaiva-{round + 1}", "demo-verkostopaivat",
                $"Palaute: verkostopäivä {round + 1}", $"Respons: nätverksdag {round + 1}", $"Feedback: network day {round + 1}",
                cancellationToken);
            survey.Status = SurveyStatus.Open;
            survey.CreatedAt = survey.CreatedAt.AddDays(-60 * (Answers.Length - round));
            await db.SaveChangesAsync(cancellationToken);

            var people = Enumerable.Range(1, 5).Select(n => new SurveyRecipient($"osallistuja{n}@example.org", $"Osallistuja {n}", "fi"));
            var links = await invitations.InviteAsync(survey.Id, people, cancellationToken);
            var questions = survey.Questions.OrderBy(q => q.Position).ToList();
            for (var i = 0; i < Answers[round].Length; i++)
            {
                var (overall, useful, worked, develop, topics) = Answers[round][i];
                var form = new Dictionary<string, string[]>
                {
                    [SurveyAnswering.Field(questions[0])] = [overall.ToString()],
                    [SurveyAnswering.Field(questions[1])] = [useful.ToString()],
                    [SurveyAnswering.Field(questions[2])] = [worked],
                    [SurveyAnswering.Field(questions[3])] = [develop],
                    [SurveyAnswering.Field(questions[4])] = topics,
                };
                await answering.SubmitAsync(new Uri(links[i].Url).Segments[^1], form, cancellationToken);
            }
        }
        await surveys.CreateFromTemplateAsync(NetworkSurveys.Key, $"verkostopaiva-{Answers.Length + 1}", "demo-verkostopaivat",
            $"Palaute: verkostopäivä {Answers.Length + 1}", $"Respons: nätverksdag {Answers.Length + 1}",
            $"Feedback: network day {Answers.Length + 1}", cancellationToken);
    }
}
