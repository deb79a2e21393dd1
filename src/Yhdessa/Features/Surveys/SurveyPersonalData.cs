using Microsoft.EntityFrameworkCore;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Surveys;

/// <summary>Survey invitations sent to the person's address. Their answers are not here: answers are anonymous
/// and cannot be found by person, which is the point.</summary>
public sealed class SurveyPersonalData(YhdessaDb db) : IPersonalDataHolder
{
    public string Section => "surveys";

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var email = await EmailAsync(userId, cancellationToken);
        if (email is null) return null;
        var invitations = await (
                from i in db.SurveyInvitations
                where i.Email.ToLower() == email
                join s in db.Surveys on i.SurveyId equals s.Id
                select new { Survey = s.TitleFi, i.Name, i.Email, i.Language, i.InvitedAt, i.RemindedAt, i.AnsweredOn })
            .ToListAsync(cancellationToken);
        return invitations.Count == 0 ? null : new { Invitations = invitations };
    }

    /// <summary>Unanswered invitations are deleted (their link dies with them); answered ones lose the name and
    /// address but stay, so that a survey's response rate still adds up.</summary>
    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        var email = await EmailAsync(userId, cancellationToken);
        if (email is null) return;
        var invitations = await db.SurveyInvitations.Where(i => i.Email.ToLower() == email).ToListAsync(cancellationToken);
        db.SurveyInvitations.RemoveRange(invitations.Where(i => i.AnsweredOn is null));
        foreach (var answered in invitations.Where(i => i.AnsweredOn is not null))
        {
            answered.Email = "";
            answered.Name = "";
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<string?> EmailAsync(string userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken) is { Length: > 0 } email
            ? email.ToLowerInvariant() : null;
}
