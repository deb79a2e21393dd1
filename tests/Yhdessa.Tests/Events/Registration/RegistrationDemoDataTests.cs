using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Tests.Events.Registration;

[Collection("Events with demo content on SQLite")]
public sealed class RegistrationDemoDataOnSqlite(DemoSqliteApp app) : RegistrationDemoDataTests(app);
[Collection("Events with demo content on PostgreSQL")]
public sealed class RegistrationDemoDataOnPostgres(DemoPostgresApp app) : RegistrationDemoDataTests(app);

/// <summary>A newcomer sees the whole registration cycle on first run: a full event with its queue and an open offer,
/// approvals waiting, reserved seats, and past events with attendance for feedback.</summary>
public abstract class RegistrationDemoDataTests(YhdessaApp app)
{
    [Fact]
    public async Task Demo_registrations_show_a_full_event_with_a_queue_and_an_offer_and_past_attendance()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
        var now = DateTimeOffset.UtcNow;
        var events = await db.Events.AsNoTracking().ToDictionaryAsync(e => e.Id);
        var registrations = await db.EventRegistrations.AsNoTracking().ToListAsync();

        var full = events.Values.Single(e => e.Slug == "tyopaja-vertaisarvioinnin-menetelmat");
        var ofFull = registrations.Where(r => r.EventId == full.Id).ToList();
        Assert.Equal(full.Capacity, ofFull.Count(r => r.HoldsSeat));
        Assert.Single(ofFull, r => r.Status == RegistrationStatus.Offered && r.OfferExpiresAt > now);
        Assert.True(ofFull.Count(r => r.Status == RegistrationStatus.Waiting) >= 2);
        Assert.Contains(registrations, r => r.Status == RegistrationStatus.AwaitingApproval);
        Assert.Contains(await db.EventRegistrationSettings.ToListAsync(), s => s.ReservedSeats > 0 && s.ReservedUntil > now);
        var past = registrations.Where(r => events[r.EventId].EndsAt < now).ToList();
        Assert.True(past.Count(r => r.Attendance == Attendance.Attended) >= 20);
        Assert.Contains(past, r => r.Attendance == Attendance.NoShow);
        Assert.All(past, r => Assert.Null(r.DietaryNeeds));
        // The demo member holds a seat, so signing in as them shows the online link of an upcoming training.
        var member = await db.Users.SingleOrDefaultAsync(u => u.Email == "member@example.org");
        if (member is not null) Assert.Contains(registrations, r => r.UserId == member.Id && r.Status == RegistrationStatus.Confirmed
            && events[r.EventId].StartsAt > now);

        var page = await app.CreateClient().GetStringAsync($"/events/{full.Slug}/register");
        Assert.Contains("Tapahtuma on täynnä.", page);
    }
}
