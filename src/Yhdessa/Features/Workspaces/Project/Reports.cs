using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Surveys;
using Yhdessa.Features.Surveys.Data;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Jobs;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Workspaces.Project;

public sealed record ReportRow(int Id, int SubProjectId, string SubProjectName, string? AnsweredBy, DateTimeOffset? AnsweredAt);

public sealed record RoundRow(WorkspaceReportRound Round, List<ReportRow> Reports)
{
    public int Answered => Reports.Count(r => r.AnsweredAt is not null);
}

/// <summary>A sub-project's report as its form: the round's common questions and the questions of its own indicators.</summary>
public sealed record ReportForm(WorkspaceReportRound Round, SubProjectRow SubProject, WorkspaceReport Report, Survey Survey,
    List<SurveyQuestion> Asked, string? AnsweredBy, List<SurveyAnswer> Answers);

public enum ReportOutcome { Done, NotAllowed, NotFound, PeriodTaken, DueInPast, NoSubProjects, AlreadyAnswered, Invalid }

/// <summary>
/// Work monitoring: the project's leads open a round (e.g. a quarter) and every sub-project fills its form once, on the
/// survey engine, in its own name. The form has the common questions about the work and a number question for each
/// indicator of the sub-project's own goals; those answers become the indicators' measured values for the period.
/// Reminders go to the sub-projects that have not reported <see cref="ReminderDays"/> days before the deadline.
/// </summary>
public sealed class Reports(YhdessaDb db, SurveyAnswering answering, SubProjects subProjects, Goals goals, AuditLog audit, EmailOutbox outbox,
    IStringLocalizer<WorkspacesText> text, IOptions<PlatformOptions> options, TimeProvider clock)
{
    public const string OwnerKind = "workspace-report";
    public const int ReminderDays = 3;
    private const string IndicatorKey = "indicator:";

    public async Task<List<RoundRow>> RoundsAsync(int workspaceId, CancellationToken cancellationToken)
    {
        var rounds = await db.WorkspaceReportRounds.AsNoTracking().Where(r => r.WorkspaceId == workspaceId).OrderByDescending(r => r.EndsOn)
            .ToListAsync(cancellationToken);
        var ids = rounds.Select(r => r.Id).ToList();
        var reports = await (from r in db.WorkspaceReports
                             where ids.Contains(r.RoundId)
                             join s in db.WorkspaceSubProjects on r.SubProjectId equals s.Id
                             join u in db.Users on r.AnsweredById equals u.Id into users
                             from u in users.DefaultIfEmpty()
                             orderby s.Name
                             select new { r.RoundId, Row = new ReportRow(r.Id, s.Id, s.Name, u != null ? u.DisplayName : null, r.AnsweredAt) })
            .AsNoTracking().ToListAsync(cancellationToken);
        return [.. rounds.Select(r => new RoundRow(r, [.. reports.Where(x => x.RoundId == r.Id).Select(x => x.Row)]))];
    }

    /// <summary>Opens a round: its form with the common questions and every sub-project goal's indicators, and a report
    /// waiting for each sub-project.</summary>
    public async Task<ReportOutcome> OpenRoundAsync(WorkspaceViewer viewer, string period, DateOnly endsOn, DateOnly dueOn, CancellationToken cancellationToken)
    {
        if (!viewer.CanLead) return ReportOutcome.NotAllowed;
        var workspaceId = viewer.Workspace.Id;
        if (dueOn < DateOnly.FromDateTime(HelsinkiTime.ToHelsinki(clock.GetUtcNow()).DateTime)) return ReportOutcome.DueInPast;
        if (await db.WorkspaceReportRounds.AnyAsync(r => r.WorkspaceId == workspaceId && r.Period == period, cancellationToken)) return ReportOutcome.PeriodTaken;
        var subProjectIds = await db.WorkspaceSubProjects.Where(s => s.WorkspaceId == workspaceId).Select(s => s.Id).ToListAsync(cancellationToken);
        if (subProjectIds.Count == 0) return ReportOutcome.NoSubProjects;
        var indicators = await (from i in db.WorkspaceIndicators
                                where i.WorkspaceId == workspaceId
                                join g in db.WorkspaceGoals on i.GoalId equals g.Id
                                where g.SubProjectId != null
                                orderby g.Position, i.Id
                                select i).AsNoTracking().ToListAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var round = new WorkspaceReportRound { WorkspaceId = workspaceId, Period = period, EndsOn = endsOn, DueOn = dueOn, CreatedAt = clock.GetUtcNow() };
        db.WorkspaceReportRounds.Add(round);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return ReportOutcome.PeriodTaken;
        }
        var questions = FormTemplate();
        foreach (var indicator in indicators) questions.Add(IndicatorQuestion(indicator, questions.Count + 1));
        var survey = new Survey
        {
            OwnerKind = OwnerKind, OwnerId = round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TitleFi = $"Työn seuranta {period}", TitleSv = $"Uppföljning av arbetet {period}", TitleEn = $"Work monitoring {period}",
            IntroFi = "Osahankkeen raportti: vastaus näkyy hankkeen vetäjille vastaajan nimellä.",
            IntroSv = "Delprojektets rapport: svaret syns för projektets ledare med svararens namn.",
            IntroEn = "The sub-project's report: the project's leads see the answer with the name of who answered.",
            Status = SurveyStatus.Open, ClosesOn = null, CreatedAt = clock.GetUtcNow(), Questions = questions,
        };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(cancellationToken);
        round.SurveyId = survey.Id;
        db.WorkspaceReports.AddRange(subProjectIds.Select(s => new WorkspaceReport { RoundId = round.Id, SubProjectId = s }));
        audit.Record("workspace.report-round-opened", "workspace:" + workspaceId, "round:" + round.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ReportOutcome.Done;
    }

    /// <summary>The number question whose answer becomes an indicator's value for the round's period.</summary>
    public static SurveyQuestion IndicatorQuestion(WorkspaceIndicator indicator, int position)
    {
        var text = $"{indicator.Name} ({indicator.Unit})";
        return new SurveyQuestion { Position = position, Kind = QuestionKind.Number, Key = IndicatorKey + indicator.Id, TextFi = text, TextSv = text, TextEn = text };
    }

    /// <summary>The common questions of every round.</summary>
    public static List<SurveyQuestion> FormTemplate() =>
    [
        new()
        {
            Position = 1, Kind = QuestionKind.FreeText, Required = true,
            TextFi = "Mitä osahanke teki tällä kaudella?", TextSv = "Vad gjorde delprojektet under perioden?", TextEn = "What did the sub-project do in this period?",
        },
        new()
        {
            Position = 2, Kind = QuestionKind.SingleChoice, Required = true,
            TextFi = "Miten osahanke etenee kohti tavoitteitaan?", TextSv = "Hur går delprojektet framåt mot sina mål?", TextEn = "How is the sub-project progressing towards its goals?",
            OptionsFi = "Suunnitellusti\nHieman jäljessä\nSelvästi jäljessä", OptionsSv = "Som planerat\nNågot efter\nKlart efter",
            OptionsEn = "As planned\nSomewhat behind\nClearly behind",
        },
        new()
        {
            Position = 3, Kind = QuestionKind.FreeText,
            TextFi = "Mitä haasteita kohtasitte ja missä tarvitsette tukea?", TextSv = "Vilka utmaningar mötte ni och var behöver ni stöd?",
            TextEn = "Which challenges did you meet and where do you need support?",
        },
    ];

    /// <summary>A sub-project's report in a round, with the questions it is asked; null when there is none in this workspace.</summary>
    public async Task<ReportForm?> FormAsync(int workspaceId, int roundId, int subProjectId, CancellationToken cancellationToken)
    {
        var round = await db.WorkspaceReportRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId && r.WorkspaceId == workspaceId, cancellationToken);
        if (round is null) return null;
        var subProject = (await subProjects.ListAsync(workspaceId, cancellationToken)).FirstOrDefault(s => s.Id == subProjectId);
        var report = await db.WorkspaceReports.AsNoTracking().FirstOrDefaultAsync(r => r.RoundId == roundId && r.SubProjectId == subProjectId, cancellationToken);
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Questions).FirstOrDefaultAsync(s => s.Id == round.SurveyId, cancellationToken);
        if (subProject is null || report is null || survey is null) return null;
        var own = await (from i in db.WorkspaceIndicators
                         join g in db.WorkspaceGoals on i.GoalId equals g.Id
                         where g.SubProjectId == subProjectId
                         select i.Id).ToListAsync(cancellationToken);
        var keys = own.Select(i => IndicatorKey + i).ToHashSet();
        var asked = survey.Questions.Where(q => q.Key is null || keys.Contains(q.Key)).OrderBy(q => q.Position).ToList();
        var answeredBy = report.AnsweredById is null ? null
            : await db.Users.Where(u => u.Id == report.AnsweredById).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var answers = report.ResponseId is { } response
            ? await db.SurveyAnswers.AsNoTracking().Where(a => a.ResponseId == response).ToListAsync(cancellationToken) : [];
        return new ReportForm(round, subProject, report, survey, asked, answeredBy, answers);
    }

    /// <summary>Takes a sub-project's report: the answers are checked by the survey engine, saved once, and the answers to
    /// indicator questions stored as the indicators' values for the round's period.</summary>
    public async Task<(ReportOutcome Outcome, List<AnswerError> Errors)> SubmitAsync(WorkspaceViewer viewer, ReportForm form,
        IReadOnlyDictionary<string, string[]> answers, CancellationToken cancellationToken)
    {
        if (!SubProjects.CanWorkOn(viewer, form.SubProject)) return (ReportOutcome.NotAllowed, []);
        if (form.Report.ResponseId is not null) return (ReportOutcome.AlreadyAnswered, []);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (response, errors) = await answering.SubmitOwnAsync(form.Survey, form.Asked, answers, cancellationToken);
        if (response is null) return (ReportOutcome.Invalid, errors);
        var now = clock.GetUtcNow();
        // The conditional update makes the report single: of two people sending it at once, one wins.
        if (await db.WorkspaceReports.Where(r => r.Id == form.Report.Id && r.ResponseId == null).ExecuteUpdateAsync(r => r
                .SetProperty(x => x.ResponseId, response.Id).SetProperty(x => x.AnsweredById, viewer.UserId).SetProperty(x => x.AnsweredAt, now),
                cancellationToken) == 0)
            return (ReportOutcome.AlreadyAnswered, []);
        foreach (var answer in response.Answers.Where(a => a.Number is not null))
        {
            var question = form.Asked.First(q => q.Id == answer.QuestionId);
            if (question.Key is { } key && key.StartsWith(IndicatorKey, StringComparison.Ordinal) && int.TryParse(key[IndicatorKey.Length..], out var indicatorId))
                await goals.StoreAsync(indicatorId, form.Round.Period, form.Round.EndsOn, answer.Number!.Value, form.Report.Id, cancellationToken);
        }
        audit.Record("workspace.report-sent", "workspace:" + viewer.Workspace.Id, "report:" + form.Report.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (ReportOutcome.Done, []);
    }

    /// <summary>Reminds the lead and team of each sub-project that has not reported, once per report, from
    /// <see cref="ReminderDays"/> days before the deadline; claimed like the actions' reminders, so once across instances.</summary>
    public async Task<int> RemindDueAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(HelsinkiTime.ToHelsinki(clock.GetUtcNow()).DateTime);
        var horizon = today.AddDays(ReminderDays);
        var due = await (from r in db.WorkspaceReports
                         where r.ResponseId == null && r.RemindedAt == null
                         join round in db.WorkspaceReportRounds on r.RoundId equals round.Id
                         where round.DueOn >= today && round.DueOn <= horizon
                         join w in db.Workspaces on round.WorkspaceId equals w.Id
                         join s in db.WorkspaceSubProjects on r.SubProjectId equals s.Id
                         select new { r.Id, r.SubProjectId, s.LeadId, SubProject = s.Name, round.Period, round.DueOn, RoundId = round.Id, w.Slug, w.Name })
            .AsNoTracking().Take(500).ToListAsync(cancellationToken);
        var site = options.Value.BaseUrl.TrimEnd('/');
        var sent = 0;
        foreach (var report in due)
        {
            var people = await (from u in db.Users
                                where (u.Id == report.LeadId || db.WorkspaceSubProjectMembers.Any(m => m.SubProjectId == report.SubProjectId && m.UserId == u.Id))
                                    && !u.IsDisabled && u.Email != null
                                select new { u.Id, u.Email, u.DisplayName, u.PreferredLanguage }).AsNoTracking().ToListAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.WorkspaceReports.Where(r => r.Id == report.Id && r.RemindedAt == null && r.ResponseId == null)
                    .ExecuteUpdateAsync(r => r.SetProperty(x => x.RemindedAt, clock.GetUtcNow()), cancellationToken) == 0) continue;
            foreach (var person in people)
                using (Languages.Use(person.PreferredLanguage))
                {
                    var subject = text["MailReportSubject", report.SubProject, report.Period].Value;
                    var (plain, html) = SimpleMail.Compose(subject,
                        [text["MailGreeting", person.DisplayName].Value, text["MailReportBody", report.Name, report.SubProject, report.Period, HelsinkiTime.Day(report.DueOn)].Value],
                        [(text["MailOpenReport"].Value, $"{site}/workspaces/{report.Slug}/reports/{report.RoundId}/{report.SubProjectId}?culture={Languages.Current}")],
                        text["MailSignature"].Value);
                    outbox.Enqueue(person.Email!, subject, plain, html, userId: person.Id);
                }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            sent++;
        }
        return sent;
    }
}

internal sealed class ReportReminderJob(Reports reports) : IRecurringJob
{
    public static string Name => "workspace-report-reminders";
    public TimeSpan Interval => TimeSpan.FromMinutes(30);
    public Task RunAsync(CancellationToken cancellationToken) => reports.RemindDueAsync(cancellationToken);
}
