using Ical.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Yhdessa.Features.Events;
using Yhdessa.Features.Events.Registration;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;

namespace Yhdessa.Tests.Events.Registration;

public sealed class CalendarMailOnSqlite(SqliteApp app) : CalendarMailTests(app), IClassFixture<SqliteApp>;
public sealed class CalendarMailOnPostgres(PostgresApp app) : CalendarMailTests(app), IClassFixture<PostgresApp>;

/// <summary>The confirmation email reaches a real SMTP server with the event's calendar file attached.</summary>
public abstract class CalendarMailTests(YhdessaApp app) : IAsyncLifetime
{
    private readonly SmtpInbox inbox = new();
    private WebApplicationFactory<Program> sending = null!;

    public Task InitializeAsync()
    {
        sending = app.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Yhdessa:Smtp:Host", inbox.Host);
            builder.UseSetting("Yhdessa:Smtp:Port", inbox.Port.ToString());
            builder.UseSetting("Yhdessa:Smtp:Security", "None");
            builder.UseSetting("Yhdessa:Smtp:PollInterval", "00:00:00.200");
            builder.UseSetting("Yhdessa:Jobs:Enabled", "true");
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await sending.DisposeAsync();
        await inbox.DisposeAsync();
    }

    [Fact]
    public async Task Confirmation_email_carries_the_events_calendar_file_that_a_calendar_program_reads()
    {
        var ev = EventTestData.NewEvent(EventTestData.Unique("Asumisneuvojien verkostopäivä"), DateTimeOffset.UtcNow.AddDays(12));
        await app.AddEventsAsync(ev);
        var to = RegistrationApps.NewEmail("aino");
        string uid;
        using (var scope = sending.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            var registration = new EventRegistration
            {
                EventId = ev.Id, Name = "Aino Asukas", Email = to, EmailNormalized = to, Language = "sv",
                Status = RegistrationStatus.Confirmed, RegisteredAt = DateTimeOffset.UtcNow,
            };
            services.GetRequiredService<RegistrationMail>().Confirmed(ev, registration);
            await services.GetRequiredService<YhdessaDb>().SaveChangesAsync();
            uid = services.GetRequiredService<EventCalendar>().Uid(ev);
        }

        var message = await inbox.WaitForMessageTo(to, TimeSpan.FromSeconds(15));

        var attachment = message.Attachments.OfType<MimePart>().Single();
        Assert.Equal($"{ev.Slug}.ics", attachment.FileName);
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        Assert.Equal("PUBLISH", attachment.ContentType.Parameters["method"]);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        var calendar = Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!;
        Assert.Equal("PUBLISH", calendar.Method);
        var entry = Assert.Single(calendar.Events);
        Assert.Equal(uid, entry.Uid);
        Assert.Equal(ev.TitleFi, entry.Summary);
        // The body still reads as before, beside the attachment.
        Assert.Contains(ev.TitleFi, message.TextBody);

        // Once sent, the outbox keeps the attachment's name for the coordinator but not its content.
        await WaitAsync(async db => await db.Set<OutgoingEmailAttachment>().AnyAsync(a => a.FileName == $"{ev.Slug}.ics" && a.Content.Length == 0));
    }

    private async Task WaitAsync(Func<YhdessaDb, Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            using var scope = sending.Services.CreateScope();
            if (await condition(scope.ServiceProvider.GetRequiredService<YhdessaDb>())) return;
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true in time");
            await Task.Delay(100);
        }
    }
}
