using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Surveys.Data;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Workspaces.Project;

/// <summary>
/// The demo project's own tools, modelled on the seeds' nine-organisation project with invented figures: four
/// sub-projects with their leads and teams, a goal tree with indicators, budgets for last year and this year with every
/// month's actual costs so far, and the quarterly work-monitoring reports whose answers gave the indicators their values.
/// </summary>
public sealed class ProjectDemoData(YhdessaDb db, TimeProvider clock) : IDemoData
{
    public int Order => 61;

    private static readonly (string Name, string Organisation, string Lead, string[] Team, decimal Personnel, decimal Services, decimal Travel, decimal Other)[] Parts =
    [
        ("Naiserityinen asumisen tuki", "Y-Säätiö", "Aino Virtanen", ["Sanna Mäkinen"], 96_000m, 18_500m, 4_200m, 6_300m),
        ("Päihdetyön naisverkosto", "Diakonissalaitos", "Erik Sjöberg", ["Marja Heino"], 78_000m, 12_000m, 3_500m, 4_000m),
        ("Äitien ja lasten asumispolku", "Helsingin ensikoti ry", "Hanna Rautio", ["Linnea Åberg", "Outi Salminen"], 84_500m, 9_800m, 2_900m, 5_100m),
        ("Kokemusasiantuntijat kehittäjinä", "Sininauhasäätiö", "Ulla Nyström", ["Riikka Kallio"], 52_000m, 21_000m, 6_000m, 3_200m),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var project = await db.Workspaces.FirstOrDefaultAsync(w => w.Slug == "naiset-asumisen-polulla", cancellationToken);
        if (project is null || await db.WorkspaceSubProjects.AnyAsync(s => s.WorkspaceId == project.Id, cancellationToken)) return;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(HelsinkiTime.ToHelsinki(now).DateTime);
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.NameFi, o => o.Id, cancellationToken);
        var people = await (from p in db.WorkspaceParticipants
                            where p.WorkspaceId == project.Id
                            join u in db.Users on p.UserId equals u.Id
                            select new { u.DisplayName, u.Id }).ToDictionaryAsync(p => p.DisplayName, p => p.Id, cancellationToken);

        var subProjects = new List<WorkspaceSubProject>();
        foreach (var part in Parts)
        {
            if (!organisations.TryGetValue(part.Organisation, out var organisation)) continue;
            var sub = new WorkspaceSubProject { WorkspaceId = project.Id, Name = part.Name, OrganisationId = organisation, LeadId = people.GetValueOrDefault(part.Lead), CreatedAt = project.CreatedAt };
            db.WorkspaceSubProjects.Add(sub);
            subProjects.Add(sub);
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (sub, part) in subProjects.Zip(Parts))
            foreach (var member in part.Team.Where(people.ContainsKey))
                db.WorkspaceSubProjectMembers.Add(new WorkspaceSubProjectMember { SubProjectId = sub.Id, UserId = people[member] });

        // The goal tree: one main goal, two sub-goals, and each sub-project's own goal with an indicator.
        var position = 0;
        WorkspaceGoal Goal(string title, WorkspaceGoal? parent, WorkspaceSubProject? sub, GoalStatus status, string? description = null)
        {
            var goal = new WorkspaceGoal
            {
                WorkspaceId = project.Id, ParentId = parent?.Id, Title = title, Description = description, Status = status, Position = ++position, SubProjectId = sub?.Id,
            };
            db.WorkspaceGoals.Add(goal);
            return goal;
        }
        var main = Goal("Naisten asunnottomuus vähenee ja asumisen polut turvataan", null, null, GoalStatus.OnTrack,
            "Hankkeen päätavoite kolmelle vuodelle.");
        await db.SaveChangesAsync(cancellationToken);
        var housing = Goal("Naiserityinen asumisen tuki vakiintuu kuntien palveluihin", main, null, GoalStatus.OnTrack);
        var skills = Goal("Ammattilaisten osaaminen ja kokemusasiantuntijuus vahvistuvat", main, null, GoalStatus.AtRisk);
        await db.SaveChangesAsync(cancellationToken);
        var own = new[]
        {
            (Goal("Naiset saavat asunnon ja pysyvän tuen", housing, subProjects.ElementAtOrDefault(0), GoalStatus.OnTrack), "Asuntoon muuttaneet naiset", "naista", 0m, 60m, 4m),
            (Goal("Päihdetyön yksiköt tunnistavat naisten asunnottomuuden", skills, subProjects.ElementAtOrDefault(1), GoalStatus.AtRisk), "Koulutetut ammattilaiset", "henkilöä", 0m, 200m, 12m),
            (Goal("Äidit ja lapset pysyvät asunnossa", housing, subProjects.ElementAtOrDefault(2), GoalStatus.OnTrack), "Asumisen jatkuvuus vuoden jälkeen", "%", 65m, 85m, 1.5m),
            (Goal("Kokemusasiantuntijat mukana jokaisessa osahankkeessa", skills, subProjects.ElementAtOrDefault(3), GoalStatus.Achieved), "Kehittämistyöhön osallistuneet kokemusasiantuntijat", "henkilöä", 2m, 16m, 2m),
        };
        await db.SaveChangesAsync(cancellationToken);
        var indicators = new List<(WorkspaceIndicator Indicator, WorkspaceGoal Goal, decimal Step, decimal Baseline)>();
        foreach (var (goal, name, unit, baseline, target, step) in own)
        {
            var indicator = new WorkspaceIndicator { WorkspaceId = project.Id, GoalId = goal.Id, Name = name, Unit = unit, Baseline = baseline, Target = target };
            db.WorkspaceIndicators.Add(indicator);
            indicators.Add((indicator, goal, step, baseline));
        }
        db.WorkspaceIndicators.Add(new WorkspaceIndicator { WorkspaceId = project.Id, GoalId = main.Id, Name = "Asunnottomat naiset hankekunnissa (ARA:n selvitys)", Unit = "naista", Baseline = 1_020m, Target = 800m });
        await db.SaveChangesAsync(cancellationToken);

        // Budgets for last year and this year, and every past month's costs, a little under or over the plan.
        var random = new Random(17);
        foreach (var (sub, part) in subProjects.Zip(Parts))
            foreach (var year in new[] { today.Year - 1, today.Year })
            {
                db.WorkspaceBudgets.Add(new WorkspaceBudget
                {
                    WorkspaceId = project.Id, SubProjectId = sub.Id, StartsOn = new DateOnly(year, 1, 1), EndsOn = new DateOnly(year, 12, 31),
                    Personnel = part.Personnel, Services = part.Services, Travel = part.Travel, Other = part.Other,
                });
                for (var month = new DateOnly(year, 1, 1); month < new DateOnly(today.Year, today.Month, 1) && month.Year == year; month = month.AddMonths(1))
                    foreach (var (category, planned) in new[] { (CostCategory.Personnel, part.Personnel), (CostCategory.Services, part.Services), (CostCategory.Travel, part.Travel), (CostCategory.Other, part.Other) })
                    {
                        if (category != CostCategory.Personnel && random.Next(3) == 0) continue;
                        var amount = Math.Round(planned / 12m * (decimal)(0.7 + random.NextDouble() * 0.5), 2);
                        db.WorkspaceCosts.Add(new WorkspaceCost
                        {
                            WorkspaceId = project.Id, SubProjectId = sub.Id, Month = month, Category = category, Amount = amount,
                            Description = category switch
                            {
                                CostCategory.Personnel => "Palkat ja sivukulut",
                                CostCategory.Services => "Työnohjaus ja koulutuspalvelut",
                                CostCategory.Travel => "Matkat verkoston tapaamisiin",
                                _ => "Tilat ja tarvikkeet",
                            },
                            EnteredById = sub.LeadId, EnteredAt = now,
                        });
                    }
            }
        await db.SaveChangesAsync(cancellationToken);

        // Quarterly work monitoring: every quarter that has ended, each sub-project's report by its lead.
        var quarter = 0;
        for (var end = new DateOnly(today.Year - 1, 3, 31); end < today; end = end.AddDays(1).AddMonths(3).AddDays(-1))
        {
            quarter++;
            var period = $"Q{(end.Month - 1) / 3 + 1}/{end.Year}";
            var round = new WorkspaceReportRound { WorkspaceId = project.Id, Period = period, EndsOn = end, DueOn = end.AddDays(14), CreatedAt = now };
            db.WorkspaceReportRounds.Add(round);
            await db.SaveChangesAsync(cancellationToken);
            var questions = Reports.FormTemplate();
            foreach (var (indicator, _, _, _) in indicators) questions.Add(Reports.IndicatorQuestion(indicator, questions.Count + 1));
            var survey = new Survey
            {
                OwnerKind = Reports.OwnerKind, OwnerId = round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                TitleFi = $"Työn seuranta {period}", TitleSv = $"Uppföljning av arbetet {period}", TitleEn = $"Work monitoring {period}",
                Status = SurveyStatus.Open, CreatedAt = now, Questions = questions,
            };
            db.Surveys.Add(survey);
            await db.SaveChangesAsync(cancellationToken);
            round.SurveyId = survey.Id;
            foreach (var (sub, i) in subProjects.Select((s, i) => (s, i)))
            {
                var report = new WorkspaceReport { RoundId = round.Id, SubProjectId = sub.Id };
                db.WorkspaceReports.Add(report);
                // The latest quarter still waits for one sub-project's report.
                if (end.AddMonths(3) >= today && i == subProjects.Count - 1) continue;
                var (indicator, _, step, baseline) = indicators[i];
                var value = baseline + step * quarter;
                var response = new SurveyResponse { Id = Guid.NewGuid(), SurveyId = survey.Id, SubmittedOn = end.AddDays(7) };
                response.Answers.Add(new SurveyAnswer { QuestionId = questions[0].Id, Text = "Kauden työ eteni suunnitelman mukaan: tapaamiset, asiakastyö ja verkostokokous." });
                response.Answers.Add(new SurveyAnswer { QuestionId = questions[1].Id, Choices = (i == 1 ? 1 : 0).ToString(System.Globalization.CultureInfo.InvariantCulture) });
                response.Answers.Add(new SurveyAnswer { QuestionId = questions.First(q => q.Key == Reports.IndicatorQuestion(indicator, 0).Key).Id, Number = value });
                db.SurveyResponses.Add(response);
                report.ResponseId = response.Id;
                report.AnsweredById = sub.LeadId;
                report.AnsweredAt = HelsinkiTime.StartOfDay(end.AddDays(7));
                await db.SaveChangesAsync(cancellationToken);
                db.WorkspaceMeasurements.Add(new WorkspaceMeasurement
                {
                    IndicatorId = indicator.Id, Period = period, EndsOn = end, Value = value, ReportId = report.Id, RecordedAt = report.AnsweredAt.Value,
                });
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
