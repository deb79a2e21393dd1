using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Jobs;

namespace Yhdessa.Features.Events.Registration;

/// <summary>Section <c>Yhdessa:Events</c>.</summary>
public sealed class RegistrationOptions
{
    /// <summary>Days after an event when guests' personal data and everyone's answers are erased.</summary>
    public int RetentionDays { get; set; } = 90;
    /// <summary>How long before the start the reminder goes out.</summary>
    public TimeSpan ReminderBefore { get; set; } = TimeSpan.FromDays(2);
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>The timed work of registration: expiring offers, reminders and erasure after the event.
/// Scoped; <see cref="RegistrationJobs"/> runs it on schedule and tests call it directly with a shifted clock.</summary>
public sealed class RegistrationMaintenance(YhdessaDb db, Registrations registrations, RegistrationMail mail,
    IOptions<RegistrationOptions> options, TimeProvider clock, ILogger<RegistrationMaintenance> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var expired = await registrations.ExpireOffersAndFillAsync(cancellationToken);
        var reminded = await SendRemindersAsync(cancellationToken);
        var erased = await EraseAfterEventsAsync(cancellationToken);
        if (expired + reminded + erased > 0)
            logger.LogInformation("Registration jobs: {Expired} offers expired, {Reminded} reminders, {Erased} registrations erased",
                expired, reminded, erased);
    }

    /// <summary>One reminder per confirmed registration, once the event is near. Each is claimed by a conditional
    /// update in the same transaction as its email, so two app instances never both send it.</summary>
    public async Task<int> SendRemindersAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var horizon = now + options.Value.ReminderBefore;
        var due = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.Status == RegistrationStatus.Confirmed && r.ReminderSentAt == null)
            .Where(r => db.Events.Any(e => e.Id == r.EventId && e.Status == EventStatus.Scheduled && e.StartsAt > now && e.StartsAt <= horizon))
            .OrderBy(r => r.Id).Take(500).ToListAsync(cancellationToken);
        var events = new Dictionary<int, Event>();
        var sent = 0;
        foreach (var registration in due)
        {
            if (!events.TryGetValue(registration.EventId, out var ev))
                events[registration.EventId] = ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == registration.EventId, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.EventRegistrations
                .Where(r => r.Id == registration.Id && r.ReminderSentAt == null && r.Status == RegistrationStatus.Confirmed)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.ReminderSentAt, now), cancellationToken);
            if (claimed == 0) continue;
            mail.Reminder(ev, registration);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            sent++;
        }
        return sent;
    }

    /// <summary>
    /// The day after an event its dietary and accessibility needs are deleted (and marked so); after the retention
    /// time, guests' names, addresses and organisation names and everyone's answers go too. What stays is anonymous:
    /// status, attendance, the organisation's sector, and members' own registrations, which they delete with their account.
    /// </summary>
    public async Task<int> EraseAfterEventsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var dayAfter = now.AddDays(-1);
        await db.EventRegistrations
            .Where(r => r.NeedsErasedAt == null && db.Events.Any(e => e.Id == r.EventId && e.EndsAt <= dayAfter))
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.DietaryNeeds, (string?)null)
                .SetProperty(r => r.AccessibilityNeeds, (string?)null)
                .SetProperty(r => r.NeedsErasedAt, now), cancellationToken);

        var retentionEnd = now.AddDays(-options.Value.RetentionDays);
        var expired = db.EventRegistrations.Where(r => r.PersonalDataErasedAt == null
            && db.Events.Any(e => e.Id == r.EventId && e.EndsAt <= retentionEnd));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.RegistrationAnswers.Where(a => expired.Any(r => r.Id == a.RegistrationId)).ExecuteDeleteAsync(cancellationToken);
        await expired.Where(r => r.UserId != null)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.PersonalDataErasedAt, now), cancellationToken);
        var guests = await expired.Where(r => r.UserId == null)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Name, "")
                .SetProperty(r => r.Email, "")
                .SetProperty(r => r.EmailNormalized, (string?)null)
                .SetProperty(r => r.OrganisationName, (string?)null)
                .SetProperty(r => r.PersonalDataErasedAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return guests;
    }
}

/// <summary>Runs <see cref="RegistrationMaintenance"/> every <see cref="RegistrationOptions.JobInterval"/>.
/// Every step is safe to repeat after a run that was cut short.</summary>
internal sealed class RegistrationJobs(RegistrationMaintenance maintenance, IOptions<RegistrationOptions> options) : IRecurringJob
{
    public static string Name => "registration-maintenance";

    public TimeSpan Interval => options.Value.JobInterval;

    public Task RunAsync(CancellationToken cancellationToken) => maintenance.RunAsync(cancellationToken);
}
