using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Feedback;
using Yhdessa.Features.Events.Participants;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Features.Surveys;
using Yhdessa.Platform.Data;

namespace Yhdessa.Tests.Events.Participants;

[Collection("Events with demo content on SQLite")]
public sealed class ParticipantsDemoDataOnSqlite(DemoSqliteApp app) : ParticipantsDemoDataTests(app);
[Collection("Events with demo content on PostgreSQL")]
public sealed class ParticipantsDemoDataOnPostgres(DemoPostgresApp app) : ParticipantsDemoDataTests(app);

/// <summary>A newcomer sees the whole cycle on the demo's past events: attendance, certificates and feedback results.</summary>
public abstract class ParticipantsDemoDataTests(YhdessaApp app)
{
    [Fact]
    public async Task Past_demo_events_have_attendance_a_member_certificate_and_answered_feedback()
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<YhdessaDb>();
        var now = DateTimeOffset.UtcNow;
        var past = await db.Events.Where(e => e.EndsAt < now && e.Status == EventStatus.Scheduled).OrderByDescending(e => e.EndsAt).Take(3).ToListAsync();
        Assert.NotEmpty(past);

        foreach (var ev in past)
        {
            var registrations = await db.EventRegistrations.Where(r => r.EventId == ev.Id && r.Status == RegistrationStatus.Confirmed).ToListAsync();
            Assert.Contains(registrations, r => r.Attendance == Attendance.Attended);
            Assert.DoesNotContain(registrations, r => r.Attendance == Attendance.Unmarked);
            var survey = await services.GetRequiredService<EventFeedback>().FindSurveyAsync(ev.Id, default);
            Assert.NotNull(survey);
            var summary = (await services.GetRequiredService<SurveyResults>().SummaryAsync(survey.Id, "fi"))!;
            Assert.True(summary.Responses > 0, ev.TitleFi);
            Assert.NotEmpty(summary.NotAnswered);
            Assert.Contains(summary.Questions, q => q.Topics.Count > 0);
            // The job does not invite these attendees again.
            Assert.True(await db.EventFeedbackRuns.AnyAsync(r => r.EventId == ev.Id));
        }

        var member = await db.Users.SingleAsync(u => u.Email == "member@example.org");
        var attended = await db.EventRegistrations.FirstAsync(r => r.UserId == member.Id && r.Attendance == Attendance.Attended);
        var certificate = await services.GetRequiredService<Certificates>().ForMemberAsync(attended.EventId, member.Id, default);
        Assert.NotNull(certificate.Pdf);
    }
}
