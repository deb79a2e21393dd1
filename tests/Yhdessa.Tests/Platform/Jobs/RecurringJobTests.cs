using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Jobs;
using Yhdessa.Tests.Account;
using Person = Yhdessa.Tests.Support.WebBrowser;

namespace Yhdessa.Tests.Platform.Jobs;

public sealed class RecurringJobsOnSqlite(JobsAppOnSqlite app) : RecurringJobTests(app, app.Recorder, app.Clock), IClassFixture<JobsAppOnSqlite>;
public sealed class RecurringJobsOnPostgres(JobsAppOnPostgres app) : RecurringJobTests(app, app.Recorder, app.Clock), IClassFixture<JobsAppOnPostgres>;

/// <summary>A due job runs, and a coordinator sees at /admin/jobs and in /health/ready how its runs went.</summary>
public abstract class RecurringJobTests(YhdessaApp app, JobRecorder recorder, Support.ShiftableClock clock)
{
    private const string Password = "koordinaattorin pitkä salasana";

    private async Task<Person> CoordinatorAsync()
    {
        var email = $"koordinaattori-{Guid.NewGuid():N}@example.fi";
        await app.CreateUserAsync(email, Password, Roles.Coordinator, Roles.Member);
        var person = Person.Open(app);
        await person.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        return person;
    }

    private Task<ScheduledJob?> ScheduleAsync(string name) => app.WithServicesAsync(services =>
        services.GetRequiredService<YhdessaDb>().Set<ScheduledJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Name == name));

    private static IElement Row(Person.Page page, string title) =>
        page.Document.QuerySelectorAll("tbody tr").SingleOrDefault(r => r.QuerySelector("th")?.TextContent.Trim() == title)
        ?? throw new Xunit.Sdk.XunitException($"No row for {title} in: {page.Text}");

    [Fact]
    public async Task A_due_job_runs_and_its_outcome_shows_on_the_jobs_page()
    {
        await JobsApps.WaitUntilAsync(async () => (await ScheduleAsync(CountedJob.Name))?.LastOutcome == JobOutcome.Succeeded,
            "the first run of the counted job");
        var before = Volatile.Read(ref recorder.CountedRuns);
        Assert.True(before >= 1);

        // An hour later it is due again, and runs once more.
        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await JobsApps.WaitUntilAsync(() => Volatile.Read(ref recorder.CountedRuns) > before, "the counted job's next due run");

        var coordinator = await CoordinatorAsync();
        var page = await coordinator.OpenAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Taustatyöt", page.H1);
        var row = Row(page, CountedJob.Name);
        Assert.Contains("Onnistui", row.TextContent);
        Assert.Contains("Alkoi", row.TextContent);
        // The platform's own jobs are listed by their titles.
        Assert.Contains("Sähköpostien lähetys", page.Text);
        Assert.Contains("Aineistohaun hakemiston tarkistus (palvelin", page.Text);
        var english = await coordinator.OpenAsync("/admin/jobs?culture=en");
        Assert.Contains("Succeeded", Row(english, CountedJob.Name).TextContent);
        Assert.Contains("Sending email", english.Text);
        // The admin front page leads there.
        Assert.NotNull((await coordinator.GetAsync("/admin")).QuerySelector("a[href='/admin/jobs']"));
    }

    [Fact]
    public async Task A_failing_job_shows_its_error_and_runs_again_at_its_next_due_time()
    {
        await JobsApps.WaitUntilAsync(async () => (await ScheduleAsync(FailingJob.Name))?.LastFinishedAt is not null,
            "the first run of the failing job");
        var failed = (await ScheduleAsync(FailingJob.Name))!;
        Assert.Equal(JobOutcome.Failed, failed.LastOutcome);
        Assert.Null(failed.LeaseOwner);

        var coordinator = await CoordinatorAsync();
        var row = Row(await coordinator.OpenAsync("/admin/jobs"), FailingJob.Name);
        Assert.Contains("Epäonnistui", row.TextContent);
        Assert.Contains("Virhe: Palvelin ei vastannut ajoissa", row.TextContent);
        Assert.Contains("Huomiota vaativia töitä: 1", (await coordinator.OpenAsync("/admin/jobs")).Text);
        Assert.Contains("Misslyckades", Row(await coordinator.OpenAsync("/admin/jobs?culture=sv"), FailingJob.Name).TextContent);

        // /health/ready: anyone sees that something is wrong; only the coordinator sees what.
        var anonymous = await app.CreateClient().GetStringAsync("/health/ready");
        Assert.Equal("Degraded", anonymous);
        var details = JsonDocument.Parse(await coordinator.Client.GetStringAsync("/health/ready")).RootElement;
        Assert.Equal("Degraded", details.GetProperty("status").GetString());
        var job = details.GetProperty("checks").GetProperty("jobs").GetProperty("data").GetProperty(FailingJob.Name);
        Assert.Equal("Failed", job.GetProperty("lastOutcome").GetString());
        Assert.Equal("Palvelin ei vastannut ajoissa", job.GetProperty("lastError").GetString());

        // The failure does not stop the schedule: at the next due time it runs again, and succeeds.
        var runs = recorder.FailingRuns;
        recorder.StopFailing();
        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await JobsApps.WaitUntilAsync(async () => (await ScheduleAsync(FailingJob.Name))?.LastOutcome == JobOutcome.Succeeded,
            "the failing job's next run");
        Assert.Equal(runs + 1, recorder.FailingRuns);
        // The sign-in has expired in the hour that passed.
        coordinator = await CoordinatorAsync();
        var after = Row(await coordinator.OpenAsync("/admin/jobs"), FailingJob.Name);
        Assert.Contains("Onnistui", after.TextContent);
        Assert.DoesNotContain("Palvelin ei vastannut", after.TextContent);
        // The hour made the other jobs due too: they count as overdue until the runner's next round has run them.
        var health = app.CreateClient();
        await JobsApps.WaitUntilAsync(async () => await health.GetStringAsync("/health/ready") == "Healthy",
            "health after every due job has run");
    }

    [Fact]
    public async Task The_jobs_page_is_for_coordinators_only()
    {
        var email = $"jasen-{Guid.NewGuid():N}@example.fi";
        await app.CreateUserAsync(email, Password, Roles.Member);
        var member = Person.Open(app);
        await member.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Forbidden, (await member.OpenAsync("/admin/jobs")).Status);
        Assert.DoesNotContain("test-failing", await member.Client.GetStringAsync("/health/ready"));
    }
}
