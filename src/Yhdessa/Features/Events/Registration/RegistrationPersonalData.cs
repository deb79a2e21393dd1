using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Events.Registration;

/// <summary>
/// A member's event registrations in "download my data", and their erasure with the account: those made signed in,
/// and those made as a guest with the account's address (sign-in requires a confirmed address, so it is theirs).
/// </summary>
public sealed class RegistrationPersonalData(YhdessaDb db, TimeProvider clock) : IPersonalDataHolder
{
    public string Section => "eventRegistrations";

    private async Task<IQueryable<EventRegistration>> MineAsync(string userId, CancellationToken cancellationToken)
    {
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        var normalized = email is null ? null : Registrations.NormalizeEmail(email);
        return db.EventRegistrations.Where(r => r.UserId == userId || (normalized != null && r.EmailNormalized == normalized));
    }

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var rows = await (
                from r in (await MineAsync(userId, cancellationToken)).AsNoTracking().Include(r => r.Answers)
                join e in db.Events on r.EventId equals e.Id
                orderby r.Id
                select new { Registration = r, Event = e.TitleFi, e.Slug, e.StartsAt })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0) return null;
        var questionIds = rows.SelectMany(x => x.Registration.Answers).Select(a => a.QuestionId).Distinct().ToList();
        var questions = await db.EventQuestions.AsNoTracking().Include(q => q.Options)
            .Where(q => questionIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, cancellationToken);
        return rows.Select(x =>
        {
            var r = x.Registration;
            return new
            {
                x.Event, Address = "/events/" + x.Slug, x.StartsAt, r.Name, r.Email, r.OrganisationName, r.Language,
                r.IsExpertByExperience, Status = r.Status.ToString(), r.RegisteredAt, r.ConfirmedAt, r.CancelledAt,
                Attendance = r.Attendance.ToString(), r.CheckedInAt, r.DietaryNeeds, r.AccessibilityNeeds,
                Answers = r.Answers.Select(a => new
                {
                    Question = questions.GetValueOrDefault(a.QuestionId)?.TextFi,
                    Answer = a.Text ?? questions.GetValueOrDefault(a.QuestionId)?.Options.FirstOrDefault(o => o.Id == a.OptionId)?.TextFi,
                }),
            };
        }).ToList();
    }

    /// <summary>
    /// Live registrations are cancelled (the periodic job then offers the seats on: this runs inside the account
    /// deletion's transaction, where the event lock cannot be taken), and every registration loses the person's
    /// name, address, organisation name, needs and answers. Status, attendance and sector stay as anonymous counts.
    /// </summary>
    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var mine = await (await MineAsync(userId, cancellationToken)).Include(r => r.Answers).ToListAsync(cancellationToken);
        foreach (var r in mine)
        {
            if (r.IsLive && await db.Events.AnyAsync(e => e.Id == r.EventId && e.EndsAt > now, cancellationToken))
            {
                r.Status = RegistrationStatus.Cancelled;
                r.CancelledAt = now;
                r.CancellationReason = CancellationReason.ByParticipant;
            }
            r.ErasePersonalData(now);
            db.RegistrationAnswers.RemoveRange(r.Answers);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
