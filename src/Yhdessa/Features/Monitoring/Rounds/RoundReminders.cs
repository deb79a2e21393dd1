using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Jobs;

namespace Yhdessa.Features.Monitoring.Rounds;

/// <summary>Section <c>Yhdessa:Monitoring</c>.</summary>
public sealed class MonitoringOptions
{
    /// <summary>How many days before a round's deadline units that have not submitted are reminded.</summary>
    public int ReminderDaysBefore { get; set; } = 7;
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>Reminds the reporters of each unit that has not submitted, once per unit and round, when the deadline
/// is near. Scoped; <see cref="RoundReminderJob"/> runs it on a timer and tests call it directly.</summary>
public sealed class RoundReminders(YhdessaDb db, RoundMail mail, IOptions<MonitoringOptions> options, TimeProvider clock,
    ILogger<RoundReminders> logger)
{
    public async Task<int> SendAsync(CancellationToken cancellationToken)
    {
        var today = MonitoringDisplay.Today(clock);
        var horizon = today.AddDays(options.Value.ReminderDaysBefore);
        var due = await (from ru in db.RoundUnits
                         join r in db.CollectionRounds on ru.RoundId equals r.Id
                         where !r.Closed && r.Deadline >= today && r.Deadline <= horizon && ru.ReminderSentAt == null
                               && (ru.Status == RoundStatus.NotStarted || ru.Status == RoundStatus.InProgress || ru.Status == RoundStatus.Returned)
                         orderby ru.RoundId, ru.UnitId
                         select new { ru.RoundId, ru.UnitId }).Take(500).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var item in due)
        {
            // Claimed by a conditional update in the same transaction as the mail, so that two app instances never
            // both remind the same unit.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var claimed = await db.RoundUnits.Where(ru => ru.RoundId == item.RoundId && ru.UnitId == item.UnitId && ru.ReminderSentAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(ru => ru.ReminderSentAt, now), cancellationToken);
            if (claimed == 0) continue;
            var round = await db.CollectionRounds.AsNoTracking().SingleAsync(r => r.Id == item.RoundId, cancellationToken);
            var unit = await db.ReportingUnits.AsNoTracking().SingleAsync(u => u.Id == item.UnitId, cancellationToken);
            await mail.ReminderAsync(round, unit, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            sent++;
        }
        if (sent > 0) logger.LogInformation("Monitoring reminders sent to {Units} units", sent);
        return sent;
    }
}

/// <summary>Runs <see cref="RoundReminders"/> every <see cref="MonitoringOptions.JobInterval"/>.</summary>
internal sealed class RoundReminderJob(RoundReminders reminders, IOptions<MonitoringOptions> options) : IRecurringJob
{
    public static string Name => "round-reminders";

    public TimeSpan Interval => options.Value.JobInterval;

    public Task RunAsync(CancellationToken cancellationToken) => reminders.SendAsync(cancellationToken);
}
